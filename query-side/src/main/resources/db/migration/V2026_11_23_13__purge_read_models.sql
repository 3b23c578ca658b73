-- A purged account's mailbox counters must go with it, including those of mailboxes whose mail
-- was all purged before (their rows hold zeros but still name the mailbox).
alter table mailbox_email_stats add column account_id uuid;
update mailbox_email_stats s set account_id = e.account_id
from (select distinct mailbox_id, account_id from email_view) e
where e.mailbox_id = s.mailbox_id;
create index mailbox_email_stats_account on mailbox_email_stats (account_id);
create index email_view_account on email_view (account_id);
create index mute_rule_view_account on mute_rule_view (account_id);
