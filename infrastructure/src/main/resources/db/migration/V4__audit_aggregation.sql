-- A refusal repeated within parley.audit.aggregate-window is one row counting its occurrences.
alter table session_events add column occurrences integer not null default 1;
