-- Keys parked by a consumer after one of their records was dead-lettered: later records of the same key are kept
-- here, in order, instead of being applied out of order past the failed one, until an operator re-drives the key.
create table parked_key (
    consumer    varchar(200) not null,
    event_key   varchar(300) not null,
    reason      text         not null,
    parked_at   timestamptz  not null default now(),
    primary key (consumer, event_key)
);

create table parked_event (
    id                bigserial    primary key,
    consumer          varchar(200) not null,
    event_key         varchar(300) not null,
    event_id          uuid         not null,
    event_type        varchar(100) not null,
    envelope          text         not null,
    dead_lettered     boolean      not null,  -- the record whose failure parked the key
    source_topic      varchar(200) not null,
    source_partition  integer      not null,
    source_offset     bigint       not null,
    parked_at         timestamptz  not null default now()
);
create index parked_event_by_key on parked_event (consumer, event_key, id);
create unique index parked_event_once on parked_event (consumer, event_id);
