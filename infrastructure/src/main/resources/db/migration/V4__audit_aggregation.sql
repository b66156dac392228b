-- A refusal repeated within parley.audit.aggregate-window is one row counting its occurrences.
alter table session_events add column occurrences integer not null default 1;
-- Retention deletes by age, oldest first, a bounded batch per statement.
create index session_events_occurred_at on session_events (occurred_at);
