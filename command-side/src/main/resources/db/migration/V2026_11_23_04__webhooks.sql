-- Webhooks on the command side: what delivery needs, exactly as current as the last command.
-- The URL is sealed under the account's key and the signing secret encrypted under it (bound to
-- the endpoint), so purging the account shreds both. A revoked endpoint's row goes at once.
create table webhook_endpoints (
    endpoint_id   uuid    not null primary key,
    account_id    uuid    not null,
    events        text[]  not null,
    sealed_url    text    not null,
    sealed_secret bytea   not null,
    enabled       boolean not null default true
);
create index webhook_endpoints_account on webhook_endpoints (account_id);

-- Payloads of deliveries still under way, sealed under the key of what they tell about (the
-- email's own key for email.received): purging the email makes a pending payload unreadable too.
create table webhook_payloads (
    delivery_id    uuid        not null primary key,
    endpoint_id    uuid        not null,
    account_id     uuid        not null,
    type           text        not null,
    sealed_payload text        not null,
    created_at     timestamptz not null default now()
);
create index webhook_payloads_account on webhook_payloads (account_id);
