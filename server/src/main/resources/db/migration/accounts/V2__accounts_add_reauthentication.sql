-- When the holder of a session (or token) last proved their password again; destructive requests (erasure,
-- cancellation) need this to be recent (P31).
alter table access_tokens add column reauthenticated_at timestamptz;
