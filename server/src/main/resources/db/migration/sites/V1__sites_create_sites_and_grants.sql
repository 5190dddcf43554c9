-- Sites: a home or business with energy devices, in one IANA time zone and one home region.
create table sites (
    id           uuid primary key,
    name         text not null,
    time_zone    text not null,
    region       text not null,
    address      text,
    latitude     double precision,
    longitude    double precision,
    installed_on date,
    created_at   timestamptz not null
);

-- Who may see a site: the owner, invited viewers (people) and installer organisations.
-- A viewer invitation is addressed to an e-mail and becomes the person's grant once they accept it.
create table grants (
    id              uuid primary key,
    site_id         uuid not null references sites (id) on delete cascade,
    role            text not null check (role in ('owner', 'viewer', 'installer')),
    status          text not null check (status in ('pending', 'active', 'declined', 'revoked', 'expired')),
    person_id       uuid,
    organisation_id uuid,
    invitee_email   text,
    expires_at      timestamptz,
    granted_by      uuid not null,
    created_at      timestamptz not null,
    accepted_at     timestamptz,
    ended_at        timestamptz,
    check (role <> 'installer' or organisation_id is not null),
    check (role <> 'viewer' or invitee_email is not null),
    check (role <> 'owner' or person_id is not null)
);
create index grants_site_idx on grants (site_id);
create index grants_person_idx on grants (person_id) where status = 'active';
create index grants_organisation_idx on grants (organisation_id) where status = 'active';
create index grants_invitee_idx on grants (invitee_email) where status = 'pending';
create unique index grants_one_owner on grants (site_id) where role = 'owner' and status = 'active';
create unique index grants_one_installer_grant on grants (site_id, organisation_id)
    where role = 'installer' and status = 'active';
create unique index grants_one_viewer_grant on grants (site_id, invitee_email)
    where role = 'viewer' and status in ('pending', 'active');
