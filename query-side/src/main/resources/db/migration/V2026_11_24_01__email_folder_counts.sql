-- How many emails each mailbox holds per folder, starred or not: the total of a list page
-- (X-Total-Count) is a sum of a few of these rows instead of a count over the folder's rows,
-- which took milliseconds per request with 100,000 emails in one folder. Owned by the email
-- projection like the rows it counts (reset with them, purged with them).
create table mailbox_folder_counts (
    mailbox_id  uuid    not null,
    account_id  uuid    not null,
    folder      text    not null,
    starred     boolean not null,
    email_count bigint  not null,
    primary key (mailbox_id, folder, starred)
);
create index mailbox_folder_counts_account on mailbox_folder_counts (account_id, folder);

insert into mailbox_folder_counts (mailbox_id, account_id, folder, starred, email_count)
select mailbox_id, account_id, folder, starred, count(*) from email_view
group by mailbox_id, account_id, folder, starred;

-- Muted mail is counted only for accounts with mute rules, by sender domain (an address rule's
-- domain narrows the search too). The account's sender index replaces the bare account index,
-- which its prefix still serves (account purge).
drop index email_view_account;
create index email_view_account_sender on email_view (account_id, from_domain);
