-- Tenants and their API keys (only SHA-256 hashes of the keys are stored).
create table tenants (
    id          uuid primary key,
    name        varchar(200) not null,
    created_at  timestamp(6) with time zone not null
);

create table api_keys (
    key_hash    varchar(64) primary key,
    tenant_id   uuid not null references tenants (id) on delete cascade,
    created_at  timestamp(6) with time zone not null
);
create index api_keys_tenant on api_keys (tenant_id);

-- Agents; each tenant has exactly one default agent.
create table agents (
    id             uuid primary key,
    tenant_id      uuid not null references tenants (id) on delete cascade,
    is_default     boolean not null,
    name           varchar(200) not null,
    kind           varchar(16) not null check (kind in ('SCRIPTED', 'LLM')),
    greeting       varchar(4000) not null,
    system_prompt  varchar(20000) not null,
    model          varchar(200),
    rules          jsonb not null,
    fallback       varchar(4000) not null,
    updated_at     timestamp(6) with time zone not null
);
create unique index agents_one_default_per_tenant on agents (tenant_id) where is_default;

-- Conversations and their turns, in the order they were spoken.
create table conversations (
    id          uuid primary key,
    tenant_id   uuid not null references tenants (id) on delete cascade,
    peer_id     varchar(64) not null,
    channel     varchar(8) not null check (channel in ('WEB', 'PHONE')),
    agent_id    uuid not null references agents (id),
    status      varchar(8) not null check (status in ('ACTIVE', 'ENDED')),
    started_at  timestamp(6) with time zone not null,
    ended_at    timestamp(6) with time zone
);
create index conversations_tenant_started on conversations (tenant_id, started_at desc, id);
create index conversations_tenant_peer_started on conversations (tenant_id, peer_id, started_at desc, id);

create table turns (
    id               bigint generated always as identity primary key,
    conversation_id  uuid not null references conversations (id) on delete cascade,
    role             varchar(10) not null check (role in ('USER', 'ASSISTANT', 'SYSTEM')),
    text             varchar(20000) not null,
    spoken_at        timestamp(6) with time zone not null,
    tokens           bigint not null default 0
);
create index turns_conversation on turns (conversation_id, id);

-- Audit trail of client sessions. tenant_id is null for failed authentications of unknown callers.
create table session_events (
    id             bigint generated always as identity primary key,
    type           varchar(20) not null,
    occurred_at    timestamp(6) with time zone not null,
    tenant_id      uuid references tenants (id) on delete cascade,
    peer_id        varchar(64),
    session_id     uuid,
    reason         varchar(500),
    duration_ms    bigint,
    message_count  bigint not null default 0,
    tokens_used    bigint not null default 0
);
create index session_events_tenant_time on session_events (tenant_id, occurred_at desc);
