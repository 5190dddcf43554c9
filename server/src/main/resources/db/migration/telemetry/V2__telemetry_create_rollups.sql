-- Rollups of samples per device and bucket (see docs/adr/0007-rollups-and-energy.md):
--   samples      readings in the bucket
--   energy_*_wh  energy in the bucket from that counter, whole Wh (NULL: the device has no such counter there);
--                the sum of a bucket's parts equals the bucket exactly (boundary values are rounded, then subtracted)
--   resets       bit i set: counter with Metric ordinal i restarted from zero in the bucket
--   rollovers    bit i set: counter with Metric ordinal i wrapped around its limit (2^32, 10^9 Wh, ...)
--   *_avg/min/max per gauge over the readings in the bucket (the average is per reading)
-- rollup_5m, rollup_15m and rollup_1h have UTC buckets; rollup_day and rollup_month are calendar days and months in
-- the site's time zone, bucket_start being the local midnight (of the first of the month), local_date that date.
-- Coarser tiers are sums of finer ones: 5m -> 15m -> 1h -> day -> month (days from 15m where the zone's offset is
-- not whole hours).
--
-- The primary key (device_id, bucket_start) is the only index: every query asks for a few devices over a time range
-- (a site's day reads its devices' 96 rows each from rollup_15m, a year 365 each from rollup_day).
-- Rows are updated in place many times while their bucket fills (the current day and month with every run),
-- so pages keep room for HOT updates.
create table rollup_5m (
    device_id            uuid not null,
    bucket_start         timestamptz not null,
    samples              integer not null,
    energy_import_wh     bigint,
    energy_export_wh     bigint,
    energy_produced_wh   bigint,
    energy_charged_wh    bigint,
    energy_discharged_wh bigint,
    energy_delivered_wh  bigint,
    energy_consumed_wh   bigint,
    resets               smallint not null default 0,
    rollovers            smallint not null default 0,
    power_w_avg          real,
    power_w_min          real,
    power_w_max          real,
    soc_pct_avg          real,
    soc_pct_min          real,
    soc_pct_max          real,
    voltage_v_avg        real,
    voltage_v_min        real,
    voltage_v_max        real,
    current_a_avg        real,
    current_a_min        real,
    current_a_max        real,
    frequency_hz_avg     real,
    frequency_hz_min     real,
    frequency_hz_max     real,
    reactive_power_var_avg real,
    reactive_power_var_min real,
    reactive_power_var_max real,
    power_factor_avg     real,
    power_factor_min     real,
    power_factor_max     real,
    temperature_c_avg    real,
    temperature_c_min    real,
    temperature_c_max    real,
    primary key (device_id, bucket_start)
) with (fillfactor = 90);

create table rollup_15m (like rollup_5m including all) with (fillfactor = 90);

create table rollup_1h (like rollup_5m including all) with (fillfactor = 90);

create table rollup_day (like rollup_5m including all, local_date date not null) with (fillfactor = 70);

create table rollup_month (like rollup_5m including all, local_date date not null) with (fillfactor = 70);

-- The metrics each device has ever reported (bit i: Metric ordinal i), kept by the rollup worker. It decides
-- whether a smart plug's or circuit meter's consumption comes from its counter or from integrating its power.
create table reported_metrics (
    device_id uuid primary key,
    metrics   integer not null
);
