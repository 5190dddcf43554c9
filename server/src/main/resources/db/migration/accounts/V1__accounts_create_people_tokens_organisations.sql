-- People who sign in, their credentials and preferences. The e-mail address and the display name are encrypted
-- with the person's own key (privacy.person_keys), bound to their column and row; an account is found by the keyed
-- lookup hash of its e-mail address (trimmed, lower case), never by the address itself.
create table people (
    id                      uuid primary key,
    email_lookup            bytea not null,
    email_ciphertext        bytea not null,
    password_hash           text not null,
    display_name_ciphertext bytea not null,
    language                text not null,
    time_zone               text not null,
    created_at              timestamptz not null,
    password_changed_at     timestamptz not null
);
create unique index people_email_lookup_key on people (email_lookup);

-- Bearer credentials: log-in sessions and personal access tokens. Only a SHA-256 of the token is kept.
create table access_tokens (
    id           uuid primary key,
    person_id    uuid not null references people (id) on delete cascade,
    kind         text not null check (kind in ('session', 'personal')),
    name         text,
    token_hash   bytea not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create unique index access_tokens_hash_key on access_tokens (token_hash);
create index access_tokens_person_idx on access_tokens (person_id);

-- Failed log-ins per e-mail address (by lookup hash, like people.email_lookup), for throttling. Rows go away on a
-- successful log-in.
create table login_failures (
    email_lookup     bytea primary key,
    failures         int not null,
    first_failure_at timestamptz not null,
    locked_until     timestamptz
);

create table organisations (
    id         uuid primary key,
    name       text not null,
    kind       text not null check (kind in ('installer', 'fleet')),
    created_at timestamptz not null
);

create table memberships (
    organisation_id uuid not null references organisations (id) on delete cascade,
    person_id       uuid not null references people (id) on delete cascade,
    role            text not null check (role in ('admin', 'member')),
    joined_at       timestamptz not null,
    primary key (organisation_id, person_id)
);
create index memberships_person_idx on memberships (person_id);
