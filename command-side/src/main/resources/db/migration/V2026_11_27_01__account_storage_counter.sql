-- The storage quota reads one counter per account instead of summing the account's mailbox
-- counters and its unfolded storage entries on every RCPT. That sum grew with the account's
-- mailboxes, and the entries' index filled with dead rows between vacuums (the fold deletes every
-- row it adds up), so at 500 messages a second the check cost 0.6 ms of PostgreSQL per message.
-- StorageCount folds each mailbox's entries into the mailbox's and its account's counters in one
-- statement; the quota therefore lags the stored bytes by at most one fold interval (ADR 14).
-- A table of its own, not a column of account_registry: the fold's row locks would otherwise
-- hold up the daily send counter's update of the same accounts until the fold commits.
create table account_storage (
    account_id    uuid   primary key,
    storage_bytes bigint not null default 0
);

insert into account_storage (account_id, storage_bytes)
select account_id, sum(storage_bytes) from mailbox_address_registry group by account_id;

-- Entries are now only appended and folded (a whole-table delete), never looked up by account.
drop index mailbox_storage_entries_account;
