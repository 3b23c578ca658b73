-- Webhook endpoints as their owner lists them. URL and label are null when replayed after the
-- account's key was shredded. Never the secret: only its display prefix.
create table webhook_endpoint_view (
    endpoint_id       uuid        not null primary key,
    account_id        uuid        not null,
    url               text,
    label             text,
    secret_prefix     text        not null,
    events            text[]      not null,
    enabled           boolean     not null default true,
    last_delivered_at timestamptz,
    last_status       integer,
    last_error        text,
    revoked_at        timestamptz,
    created_at        timestamptz not null
);
create index webhook_endpoint_view_account on webhook_endpoint_view (account_id, created_at desc);
