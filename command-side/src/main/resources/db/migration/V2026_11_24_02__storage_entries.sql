-- Bytes stored or given back, one row per email, appended by the receive, send and purge
-- transactions instead of updating the mailbox's counter: an update held the mailbox row's lock
-- until the commit's fsync, so every message into one mailbox waited for the one before it.
-- StorageCount folds the rows into mailbox_address_registry.storage_bytes every second; the quota
-- reads the counter plus what is not folded yet.
create table mailbox_storage_entries (
    entry_id   bigint generated always as identity primary key,
    mailbox_id uuid   not null,
    account_id uuid   not null,
    bytes      bigint not null
);

create index mailbox_storage_entries_account on mailbox_storage_entries (account_id);
