-- Tenants' telephony provider accounts, one per provider. The provider secret (Twilio auth token, Exotel API
-- token, Vapi secret) is sealed with AES-256-GCM: its ciphertext and tag, the 12-byte nonce, and the id of the key
-- that sealed it (keys rotate); the associated data binds it to its tenant, provider and field. Vapi secrets are
-- also kept as a SHA-256 digest, to find the account from the secret Vapi presents.
create table telephony_accounts (
    tenant_id          uuid not null references tenants (id) on delete cascade,
    provider           varchar(8) not null check (provider in ('twilio', 'exotel', 'vapi')),
    account_sid        varchar(100),
    api_key            varchar(100),
    secret_ciphertext  bytea not null,
    secret_nonce       bytea not null check (octet_length(secret_nonce) = 12),
    secret_key_id      varchar(32) not null,
    secret_digest      varchar(64),
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    primary key (tenant_id, provider)
);
create unique index telephony_accounts_exotel_api_key on telephony_accounts (api_key) where provider = 'exotel';
create unique index telephony_accounts_vapi_digest on telephony_accounts (secret_digest) where provider = 'vapi';

-- The numbers of Twilio accounts (E.164), in the order the tenant listed them: a number routes to one tenant.
create table telephony_numbers (
    number     varchar(16) primary key,
    tenant_id  uuid not null,
    provider   varchar(8) not null check (provider = 'twilio'),
    position   integer not null,
    foreign key (tenant_id, provider) references telephony_accounts (tenant_id, provider) on delete cascade
);
create index telephony_numbers_tenant on telephony_numbers (tenant_id, position);
