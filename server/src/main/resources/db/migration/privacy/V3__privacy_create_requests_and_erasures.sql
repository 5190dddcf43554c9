-- The register of data-subject requests (see docs/privacy/requests.md): what was asked, when, by when it must be
-- answered (from the person's jurisdiction profile), any extension with its reason and the notice the person got,
-- and how it ended. subject_id is cleared when the person is erased; subject_ref (their pseudonym) stays, so the
-- register still proves the request was handled.
create table requests (
    id                   uuid primary key,
    type                 text not null check (type in ('access', 'portability', 'rectification', 'erasure',
                                                       'restriction', 'objection', 'cancellation')),
    subject_id           uuid,
    subject_ref          text not null,
    jurisdiction         text not null,
    detail               text,
    received_at          timestamptz not null,
    deadline             timestamptz not null,
    extended_deadline    timestamptz,
    extension_reason     text,
    extension_notice     text,
    extended_at          timestamptz,
    effective_at         timestamptz,
    status               text not null check (status in ('scheduled', 'open', 'completed', 'withdrawn')),
    completed_at         timestamptz
);
create index requests_subject_idx on requests (subject_id) where subject_id is not null;
create index requests_pending_idx on requests (status, deadline) where status in ('scheduled', 'open');

-- One row per erasure in progress or done; the modules holding personal data report their part into
-- erasure_reports, and the erasure completes (and the person's key is destroyed) once every part has reported.
create table erasures (
    request_id   uuid primary key references requests (id),
    subject_id   uuid,
    subject_ref  text not null,
    started_at   timestamptz not null,
    completed_at timestamptz
);
create index erasures_open_idx on erasures (started_at) where completed_at is null;

create table erasure_reports (
    request_id  uuid not null references erasures (request_id),
    part        text not null,
    reported_at timestamptz not null,
    primary key (request_id, part)
);
