-- Green Button feeds read into sites' grid-meter histories (ADR 13): one row per distinct feed and site. The intervals
-- themselves are stored by telemetry as readings of the import's virtual grid meter (device_id); this row makes a
-- repeated import a no-op (content_hash) and lets overlapping imports be refused.
create table greenbutton_imports (
    id           uuid primary key,
    site_id      uuid not null,
    device_id    uuid not null,
    content_hash text not null,
    title        text not null,
    first_start  timestamptz not null,
    last_end     timestamptz not null,
    intervals    integer not null,
    import_wh    bigint not null,
    export_wh    bigint not null,
    imported_by  uuid not null,
    imported_at  timestamptz not null,
    unique (site_id, content_hash)
);
create index greenbutton_imports_site_idx on greenbutton_imports (site_id, first_start);
