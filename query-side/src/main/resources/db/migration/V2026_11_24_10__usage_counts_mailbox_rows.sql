-- The account's mailbox count is read from the mailbox read model itself (a mailbox counts from its
-- creation until its purge, as long as its row exists), so creating a mailbox updates one read
-- model instead of two. The counter column goes.
alter table account_view drop column mailbox_count;
