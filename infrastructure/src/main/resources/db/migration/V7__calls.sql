-- Phone calls: one row per provider call (a retried webhook finds the same row), its phone conversation,
-- the media stream that carries it (claimed once), and its status history.
create table calls (
    id                uuid primary key,
    tenant_id         uuid not null references tenants (id) on delete cascade,
    provider          varchar(10) not null check (provider in ('twilio', 'exotel', 'vapi')),
    provider_call_id  varchar(100) not null,
    from_number       varchar(64) not null,
    to_number         varchar(64) not null,
    direction         varchar(10) not null check (direction in ('inbound', 'outbound')),
    status            varchar(20) not null,
    conversation_id   uuid not null references conversations (id) on delete cascade,
    stream_id         varchar(100),
    started_at        timestamp(6) with time zone not null,
    ended_at          timestamp(6) with time zone,
    duration_seconds  bigint,
    ended_reason      varchar(200),
    summary           varchar(20000),
    unique (provider, provider_call_id)
);
create index calls_tenant_started on calls (tenant_id, started_at desc);

create table call_status_changes (
    id          bigint generated always as identity primary key,
    call_id     uuid not null references calls (id) on delete cascade,
    status      varchar(20) not null,
    changed_at  timestamp(6) with time zone not null
);
create index call_status_changes_call on call_status_changes (call_id, id);
