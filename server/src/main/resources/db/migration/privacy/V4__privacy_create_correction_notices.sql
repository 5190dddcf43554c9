-- Correction notices (rectification, promise P24): when a person corrects data that someone else received (as the
-- disclosure ledger shows), that recipient is told. There is no notification channel yet, so notices wait here as
-- pending-delivery until one delivers them.
create table correction_notices (
    id                     bigint generated always as identity primary key,
    subject_id             uuid not null,
    recipient_person_id    uuid not null,
    recipient_organisation uuid,
    categories             text[] not null,
    resource               text,
    corrected_at           timestamptz not null,
    status                 text not null check (status in ('pending-delivery', 'delivered')),
    delivered_at           timestamptz
);
create index correction_notices_subject_idx on correction_notices (subject_id, id);
create index correction_notices_recipient_idx on correction_notices (recipient_person_id) where status = 'pending-delivery';
