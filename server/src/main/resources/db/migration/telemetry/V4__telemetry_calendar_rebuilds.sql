-- Sites whose daily and monthly rollups must be rebuilt because their time zone changed. A row is written in the
-- transaction that changes the zone and deleted once the rebuild is done, so a rebuild that a stop or a crash
-- interrupted is taken up again. The rebuild always uses the site's zone as it is then.
create table calendar_rebuilds (
    site_id      uuid primary key,
    requested_at timestamptz not null
);
