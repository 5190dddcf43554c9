-- One Tink keyset per person, encrypted with the platform's key-encryption key. Deleting a row makes everything
-- encrypted with that person's key unreadable, in this database and in every backup of it (crypto-shredding).
create table person_keys (
    subject_id     uuid primary key,
    wrapped_keyset bytea not null,
    created_at     timestamptz not null
);
