-- The account's stored bytes are summed from the email read model's per-mailbox sizes, kept from
-- the same events (received, sent, purged) by the email projection, so a received message updates
-- one read model and is handled by one projection instead of two. The counter column goes.
alter table account_view drop column storage_bytes;
