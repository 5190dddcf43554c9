-- Raw samples: one row per reading, one column per metric (NULL when the reading does not carry it).
-- Counters (cumulative energy) are double precision; gauges are real (7 significant digits are more than any
-- meter resolves) to keep rows small. See docs/adr/0006-sample-row-layout.md.
-- Partitioned by month of ts; partitions are created on demand by the writer (SamplePartitions).
create table samples (
    device_id            uuid not null,
    ts                   timestamptz not null,
    energy_import_wh     double precision,
    energy_export_wh     double precision,
    energy_produced_wh   double precision,
    energy_charged_wh    double precision,
    energy_discharged_wh double precision,
    energy_delivered_wh  double precision,
    energy_consumed_wh   double precision,
    power_w              real,
    soc_pct              real,
    voltage_v            real,
    current_a            real,
    frequency_hz         real,
    reactive_power_var   real,
    power_factor         real,
    temperature_c        real,
    primary key (device_id, ts)
) partition by range (ts);

create index samples_ts_brin on samples using brin (ts);

-- Latest values and last-seen per device, flushed from memory in batches.
create table device_state (
    device_id    uuid primary key,
    last_seen_at timestamptz not null,
    last_ts      timestamptz,
    online       boolean not null,
    status_since timestamptz not null,
    latest       jsonb not null default '{}'::jsonb,
    seq_gaps     bigint not null default 0,
    duplicates   bigint not null default 0
);

-- Time ranges of samples written but not yet rolled up, one row per written batch (in the batch's transaction,
-- so a crash cannot lose them). The rollup worker merges, recomputes and deletes them.
create table rollup_queue (
    id          bigserial primary key,
    device_ids  uuid[] not null,
    from_ts     timestamptz not null,
    to_ts       timestamptz not null,
    enqueued_at timestamptz not null
);
