-- Sites: a home or business with energy devices, in one IANA time zone and one home region. The address and the
-- precise location (latitude and longitude as decimal text) are encrypted with the owner's key (privacy.person_keys),
-- each bound to its column and row; owner_id says whose key that is.
create table sites (
    id                   uuid primary key,
    owner_id             uuid not null,
    name                 text not null,
    time_zone            text not null,
    region               text not null,
    address_ciphertext   bytea,
    latitude_ciphertext  bytea,
    longitude_ciphertext bytea,
    installed_on         date,
    created_at           timestamptz not null
);

-- Who may see a site: the owner, invited viewers (people) and installer organisations.
-- A viewer invitation is addressed to an e-mail and becomes the person's grant once they accept it. The address is
-- encrypted with the key of the owner who invited (granted_by) and found by its keyed lookup hash, the same hash as
-- accounts.people.email_lookup.
create table grants (
    id                       uuid primary key,
    site_id                  uuid not null references sites (id) on delete cascade,
    role                     text not null check (role in ('owner', 'viewer', 'installer')),
    status                   text not null check (status in ('pending', 'active', 'declined', 'revoked', 'expired')),
    person_id                uuid,
    organisation_id          uuid,
    invitee_email_lookup     bytea,
    invitee_email_ciphertext bytea,
    expires_at               timestamptz,
    granted_by               uuid not null,
    created_at               timestamptz not null,
    accepted_at              timestamptz,
    ended_at                 timestamptz,
    check (role <> 'installer' or organisation_id is not null),
    check (role <> 'viewer' or (invitee_email_lookup is not null and invitee_email_ciphertext is not null)),
    check (role <> 'owner' or person_id is not null)
);
create index grants_site_idx on grants (site_id);
create index grants_person_idx on grants (person_id) where status = 'active';
create index grants_organisation_idx on grants (organisation_id) where status = 'active';
create index grants_invitee_idx on grants (invitee_email_lookup) where status = 'pending';
create unique index grants_one_owner on grants (site_id) where role = 'owner' and status = 'active';
create unique index grants_one_installer_grant on grants (site_id, organisation_id)
    where role = 'installer' and status = 'active';
create unique index grants_one_viewer_grant on grants (site_id, invitee_email_lookup)
    where role = 'viewer' and status in ('pending', 'active');
