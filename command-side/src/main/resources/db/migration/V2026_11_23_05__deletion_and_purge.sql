-- Soft delete and purge (ADR 6). Purging a scope deletes every row below that holds its data;
-- what stays holds ids only, never personal data.

-- A deleted mailbox keeps its address reserved until the purge, but takes no mail.
alter table mailbox_address_registry add column deleted boolean not null default false;

-- Which email claimed a Message-ID digest, so purging that email takes the digest with it.
-- Rows from before this column stay until their account's purge.
alter table email_thread_registry add column email_id uuid;
create index email_thread_registry_email on email_thread_registry (email_id);
create index send_idempotency_keys_email on send_idempotency_keys (email_id);

-- Scopes whose key was shredded; an account's id stands for every scope the account owned. A
-- shredded scope never gets a key again, so nothing written after a purge is readable either.
create table shredded_scopes (
    scope_id    uuid        not null primary key,
    shredded_at timestamptz not null default now()
);

-- The aggregates of each account, for a mailbox purge (its emails), the audit replay and the
-- export (the account's whole history). Kept after the purge: ids only, like the event store.
create table account_aggregates (
    aggregate_id uuid    not null primary key,
    account_id   uuid    not null,
    -- the mailbox of an email; null for other kinds
    mailbox_id   uuid,
    kind         text    not null,
    purged       boolean not null default false
);
create index account_aggregates_account on account_aggregates (account_id);
create index account_aggregates_mailbox on account_aggregates (mailbox_id);

-- Aggregates created before this table: their first events name the account in clear.
insert into account_aggregates (aggregate_id, account_id, mailbox_id, kind)
select cast(e.aggregate_identifier as uuid),
       cast(convert_from(e.payload, 'UTF8')::jsonb ->> 'accountId' as uuid),
       case when e.payload_type like '%.email.%'
            then cast(convert_from(e.payload, 'UTF8')::jsonb ->> 'mailboxId' as uuid) end,
       case e.payload_type
           when 'com.qmailing.events.account.AccountCreatedEvent' then 'ACCOUNT'
           when 'com.qmailing.events.mailbox.MailboxCreatedEvent' then 'MAILBOX'
           when 'com.qmailing.events.token.ApiTokenIssuedEvent' then 'TOKEN'
           else 'EMAIL' end
from domain_event_entry e
where e.sequence_number = 0
  and e.payload_type in ('com.qmailing.events.account.AccountCreatedEvent',
                         'com.qmailing.events.mailbox.MailboxCreatedEvent',
                         'com.qmailing.events.token.ApiTokenIssuedEvent',
                         'com.qmailing.events.email.EmailReceivedEvent',
                         'com.qmailing.events.email.EmailSentEvent')
on conflict do nothing;
