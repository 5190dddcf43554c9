-- Field devices registered on a site. A serial is unique among devices in service; a decommissioned device keeps
-- its row (for history) and frees its serial for a new registration.
create table devices (
    id                uuid primary key,
    site_id           uuid not null,
    serial_number     text not null,
    kind              text not null,
    manufacturer      text,
    model             text,
    firmware_version  text,
    secret_hash       bytea,
    gateway_id        uuid references devices (id),
    registered_by     uuid not null,
    registered_at     timestamptz not null,
    decommissioned_at timestamptz
);
create unique index devices_serial_in_service on devices (serial_number) where decommissioned_at is null;
create index devices_site_idx on devices (site_id);
create index devices_gateway_idx on devices (gateway_id) where gateway_id is not null;

-- Devices a manufacturer or operator registered before sale; a buyer claims one with its serial and claim code.
create table provisioned_devices (
    serial_number     text primary key,
    kind              text not null,
    manufacturer      text,
    model             text,
    firmware_version  text,
    claim_code_hash   bytea not null,
    provisioned_at    timestamptz not null,
    claimed_at        timestamptz,
    claimed_device_id uuid
);
