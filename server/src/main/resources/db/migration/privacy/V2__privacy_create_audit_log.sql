-- The audit log of sensitive operations, append-only and hash-chained (see docs/privacy/audit-log.md).
-- hash = SHA-256 over the canonical encoding of all other columns (org.gridvault.privacy.AuditHash); previous_hash is
-- the hash of entry seq - 1, so changing, deleting or moving any entry breaks the chain where it happened.
-- seq is assigned by the application under the head lock, not by a sequence: a sequence leaves gaps when a
-- transaction rolls back, and a gap must always mean a deleted entry.
create table audit_log (
    seq           bigint primary key check (seq > 0),
    at            timestamptz not null,
    action        text not null,
    actor         text not null,   -- psn_<pseudonym>, system:<name> or anonymous; never a name, address or raw id
    subject       text,            -- psn_<pseudonym> of the person the entry is about
    resource      text,            -- <kind>:<id> of a thing (site, device, token, organisation)
    details       jsonb not null,  -- an object of short non-personal strings
    previous_hash bytea not null,
    hash          bytea not null
);

-- The last entry's seq and hash. Every append locks this row (select ... for update) in the transaction that adds
-- the entry, so appends are serialized and the chain never forks; the verifier compares it with the last entry, so
-- entries deleted from the end are found too.
create table audit_log_head (
    singleton boolean primary key default true check (singleton),
    seq       bigint not null,
    hash      bytea not null
);

insert into audit_log_head (seq, hash) values (0, decode(repeat('00', 32), 'hex'));
