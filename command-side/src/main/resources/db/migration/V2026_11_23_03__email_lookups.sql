-- Receiving mail: which conversation a Message-ID belongs to (digests only), and the bytes each
-- mailbox stores, counted in the receive transaction so the storage quota is checked against
-- what is durably stored rather than against a projection that may lag.

create table email_thread_registry (
    account_id        uuid  not null,
    message_id_digest bytea not null,
    thread_id         uuid  not null,
    primary key (account_id, message_id_digest)
);

alter table mailbox_address_registry add column storage_bytes bigint not null default 0;

-- Sends per UTC day, counted in the send's own transaction against the plan's daily limit.
alter table account_registry add column sent_day date, add column sent_today integer not null default 0;

-- Idempotency-Key of POST /email/send: a repeat within 24 hours answers the first send's copy.
create table send_idempotency_keys (
    account_id      uuid        not null,
    idempotency_key text        not null,
    email_id        uuid        not null,
    created_at      timestamptz not null default now(),
    primary key (account_id, idempotency_key)
);
