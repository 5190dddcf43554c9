-- One Tink keyset per person, encrypted with the platform's key-encryption key. Deleting a row makes everything
-- encrypted with that person's key unreadable, in this database and in every backup of it (crypto-shredding).
create table person_keys (
    subject_id     uuid primary key,
    wrapped_keyset bytea not null,
    created_at     timestamptz not null
);

-- Versions of the privacy notice. A version is never changed once published; a material change makes consents given
-- under earlier versions stale after a grace period.
create table notices (
    version      text primary key,
    content_hash bytea not null unique,
    material     boolean not null,
    effective_at timestamptz not null,
    text         text not null
);

-- Which notice version each person accepted, and how.
create table notice_acceptances (
    subject_id  uuid not null,
    version     text not null references notices (version),
    accepted_at timestamptz not null,
    channel     text not null,
    primary key (subject_id, version)
);

-- Every consent given or withdrawn, never updated or deleted while the person exists: the latest entry per person
-- and purpose is the current state; the earlier ones prove what was allowed when.
create table consent_ledger (
    id           bigserial primary key,
    subject_id   uuid not null,
    purpose      text not null,
    granted      boolean not null,
    notice_hash  bytea not null,
    recorded_at  timestamptz not null,
    channel      text not null
);
create index consent_ledger_subject_idx on consent_ledger (subject_id, purpose, id desc);

-- Restriction of processing and objections to purposes, per person (set by the data-subject-rights requests).
create table processing_flags (
    subject_id uuid primary key,
    restricted boolean not null default false,
    objections text[] not null default '{}',
    updated_at timestamptz not null
);

-- Every time someone other than the person received their data: who, what, which resource, why, on what basis.
create table disclosures (
    id                     bigserial primary key,
    disclosed_at           timestamptz not null,
    subject_id             uuid not null,
    recipient_person_id    uuid not null,
    recipient_organisation uuid,
    categories             text[] not null,
    resource               text not null,
    purpose                text not null,
    basis                  text not null
);
create index disclosures_subject_idx on disclosures (subject_id, id desc);
