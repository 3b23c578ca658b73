-- Axon's JDBC event store, token store and saga store, in snake_case (see AxonStorageConfiguration).
-- Payloads are bytea JSON; global_index increments by 1 so the tracking processors' gap detection
-- sees only real gaps.

create table domain_event_entry (
    global_index         bigserial    not null primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

create table saga_entry (
    saga_id         varchar(255) not null primary key,
    revision        varchar(255),
    saga_type       varchar(255),
    serialized_saga bytea
);

create table association_value_entry (
    id                bigserial not null primary key,
    association_key   varchar(255),
    association_value varchar(255),
    saga_id           varchar(255),
    saga_type         varchar(255)
);
create index association_value_lookup on association_value_entry (saga_type, association_key, association_value);
create index association_value_saga on association_value_entry (saga_id, saga_type);

-- db-scheduler: durable deadlines and recurring jobs, shared by every node.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
