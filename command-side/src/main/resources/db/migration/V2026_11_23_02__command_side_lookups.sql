-- Consistent lookup tables of the command side: written in the same transaction as the events
-- they guard, so a uniqueness claim, a quota check or a revocation is true the moment the
-- command returns. Rows go with their scope's purge.

-- Data keys wrapped by the master key; deleting a row crypto-shreds its scope.
create table data_keys (
    scope_id    uuid        not null primary key,
    account_id  uuid        not null,
    wrapped_key bytea       not null,
    created_at  timestamptz not null default now()
);
create index data_keys_account on data_keys (account_id);

create table account_registry (
    account_id    uuid    not null primary key,
    email         text    not null unique,
    plan          text    not null,
    active        boolean not null default true,
    mailbox_count integer not null default 0
);

create table mailbox_address_registry (
    address    text not null primary key,
    mailbox_id uuid not null unique,
    account_id uuid not null
);
create index mailbox_address_registry_account on mailbox_address_registry (account_id);

create table api_token_credentials (
    token_id    uuid        not null primary key,
    account_id  uuid        not null,
    lookup_key  text        not null unique,
    bcrypt_hash text        not null,
    scopes      text[]      not null,
    expires_at  timestamptz,
    revoked_at  timestamptz
);
create index api_token_credentials_account on api_token_credentials (account_id);
