-- The daily retention job's progress: the last UTC day it completed (so a day missed while the server was down is
-- caught up at the next start), and a lease so that only one node applies the rules at a time.
create table runs (
    singleton     boolean primary key default true check (singleton),
    last_run_date date,
    claimed_until timestamptz
);

insert into runs (last_run_date, claimed_until) values (null, null);
