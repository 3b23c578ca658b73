-- Export jobs (promise P9): not a projection. A row and its ZIP in <data dir>/exports go after the
-- export retention (7 days by default) or with the account's purge, whichever comes first.
create table account_export (
    export_id   uuid        not null primary key,
    account_id  uuid        not null,
    status      text        not null,
    items_done  bigint      not null default 0,
    items_total bigint      not null default 0,
    created_at  timestamptz not null,
    finished_at timestamptz
);
create index account_export_account on account_export (account_id);
create index account_export_created on account_export (created_at);
