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
