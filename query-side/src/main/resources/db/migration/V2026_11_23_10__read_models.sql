-- Read models: projections of the event store, rebuilt by replay (each projection truncates its
-- own tables on reset). Personal data here is in clear and goes with its scope's purge.

create table account_view (
    account_id    uuid        not null primary key,
    email         text,
    name          text,
    plan          text        not null,
    status        text        not null,
    created_at    timestamptz not null,
    mailbox_count bigint      not null default 0,
    storage_bytes bigint      not null default 0,
    sent_day      date,
    sent_today    bigint      not null default 0
);
create index account_view_created on account_view (created_at, account_id);

create table mailbox_view (
    mailbox_id   uuid        not null primary key,
    account_id   uuid        not null,
    address      text,
    local_part   text,
    domain       text,
    display_name text,
    forward_to   text,
    forward_only boolean     not null,
    status       text        not null,
    email_count  bigint      not null default 0,
    unread_count bigint      not null default 0,
    size_bytes   bigint      not null default 0,
    created_at   timestamptz not null
);
create index mailbox_view_account on mailbox_view (account_id, created_at, mailbox_id);

create table api_token_view (
    token_id   uuid        not null primary key,
    account_id uuid        not null,
    label      text,
    scopes     text[]      not null,
    prefix     text        not null,
    created_at timestamptz not null,
    expires_at timestamptz,
    revoked_at timestamptz
);
create index api_token_view_account on api_token_view (account_id, created_at desc);

create table custom_domain_view (
    domain_id               uuid        not null primary key,
    account_id              uuid        not null,
    domain                  text        not null,
    fully_verified          boolean     not null default false,
    mx_verified             boolean     not null default false,
    spf_verified            boolean     not null default false,
    dkim_verified           boolean     not null default false,
    dmarc_verified          boolean     not null default false,
    ses_verification_status text        not null default 'NOT_STARTED',
    claimed_at              timestamptz,
    created_at              timestamptz not null
);
create index custom_domain_view_account on custom_domain_view (account_id, created_at);

create table dns_instruction_view (
    domain_id       uuid    not null,
    position        integer not null,
    type            text    not null,
    host            text    not null,
    value           text    not null,
    priority        integer,
    status          text    not null,
    description     text    not null,
    last_checked_at timestamptz,
    primary key (domain_id, position)
);

-- Not projections: request metadata and token usage are written by the API edge (through the
-- command bus), survive a replay, and the request log is deleted after its retention period.
create table api_request_log (
    id          bigserial   not null primary key,
    at          timestamptz not null,
    account_id  uuid        not null,
    token_id    uuid,
    endpoint    text        not null,
    status      integer     not null,
    duration_ms bigint      not null
);
create index api_request_log_account on api_request_log (account_id, at desc);
create index api_request_log_at on api_request_log (at);

create table api_token_usage (
    token_id     uuid        not null primary key,
    last_used_at timestamptz not null
);
