-- Emails as lists show them. One row per stored message; the raw message stays in the blob
-- store. Mailbox counters live in their own table, owned (and reset) by the same projection
-- as the rows they count, so a replay of one projection never leaves the other's numbers wrong.

create table email_view (
    email_id          uuid        not null primary key,
    account_id        uuid        not null,
    mailbox_id        uuid        not null,
    folder            text        not null,
    previous_folder   text,
    thread_id         uuid        not null,
    from_address      text,
    from_name         text,
    -- lower-cased sender address and domain, matched against mute rules
    from_key          text,
    from_domain       text,
    to_address        text,
    cc                text,
    bcc               text,
    subject           text,
    preview_text      text,
    message_id        text,
    in_reply_to       text,
    read              boolean     not null default false,
    starred           boolean     not null default false,
    suspicious        boolean     not null default false,
    suspicious_reason text,
    attachments       jsonb       not null default '[]',
    size_bytes        bigint      not null,
    received_at       timestamptz not null,
    purge_at          timestamptz
);
-- The list queries: one mailbox's folder, and the unified view over an account's mailboxes.
create index email_view_mailbox_folder on email_view (mailbox_id, folder, received_at desc, email_id desc);
create index email_view_account_folder on email_view (account_id, folder, received_at desc, email_id desc);
create index email_view_starred on email_view (account_id, received_at desc, email_id desc) where starred;

create table mailbox_email_stats (
    mailbox_id   uuid   not null primary key,
    email_count  bigint not null default 0,
    unread_count bigint not null default 0,
    size_bytes   bigint not null default 0
);

-- Mute rules: a sender address or a whole sender domain, lower-cased. Mail from a muted sender
-- shows in the MUTED view instead of the INBOX.
create table mute_rule_view (
    account_id uuid        not null,
    pattern    text        not null,
    created_at timestamptz not null,
    primary key (account_id, pattern)
);

alter table mailbox_view drop column email_count, drop column unread_count, drop column size_bytes;
