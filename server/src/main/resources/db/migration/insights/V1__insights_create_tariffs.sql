-- Electricity tariffs of sites, versioned by the local date (in the site's time zone) they apply from. A version
-- applies until the next one's valid_from; saving a version with an existing valid_from replaces it. Prices are per
-- kWh, in the site's currency (the same for every version of a site). site_id refers to sites.sites by id only.
create table tariffs (
    site_id      uuid          not null,
    valid_from   date          not null,
    currency     text          not null check (currency ~ '^[A-Z]{3}$'),
    import_price numeric(12, 6) not null check (import_price >= 0),
    export_price numeric(12, 6) not null check (export_price >= 0),
    daily_charge numeric(12, 6) not null check (daily_charge >= 0),
    saved_at     timestamptz   not null,
    primary key (site_id, valid_from)
);

-- Time-of-use import prices of a tariff version: on the listed ISO weekdays (1 = Monday ... 7 = Sunday), from
-- starts_at to ends_at local time (ends_at 24:00 is midnight at the end of the day). Bands of a version do not
-- overlap (checked by the application).
create table tariff_bands (
    site_id    uuid           not null,
    valid_from date           not null,
    position   integer        not null,
    weekdays   smallint[]     not null,
    starts_at  time           not null,
    ends_at    time           not null,
    price      numeric(12, 6) not null check (price >= 0),
    primary key (site_id, valid_from, position),
    foreign key (site_id, valid_from) references tariffs (site_id, valid_from) on delete cascade,
    check (starts_at < ends_at)
);
