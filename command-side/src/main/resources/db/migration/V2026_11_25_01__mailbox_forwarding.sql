-- A mailbox's forwarding where reception reads it, written in the transaction of every settings
-- change. forward_to is sealed under the mailbox's key (it is personal data, as in its events) and
-- goes with the address row when the mailbox is purged.
alter table mailbox_address_registry
    add column forward_to   text,
    add column forward_only boolean not null default false;
