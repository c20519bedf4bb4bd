-- Reliable-messaging tables every Tideline service with a database has (shared-messaging).
-- Shared migrations are versioned 0.x so they sort before a service's own V1, V2, ...

-- Events written in the same transaction as the state change that caused them; the relay publishes
-- them in id order and stamps sent_at. A row without sent_at is owed to Kafka.
create table outbox (
    id          bigserial    primary key,
    event_id    uuid         not null unique,
    topic       varchar(200) not null,
    event_key   varchar(300) not null,
    event_type  varchar(100) not null,
    envelope    text         not null,          -- the exact JSON bytes that are published
    created_at  timestamptz  not null default now(),
    sent_at     timestamptz,
    attempts    integer      not null default 0,
    last_error  text
);
create index outbox_pending on outbox (id) where sent_at is null;
create index outbox_sent_at on outbox (sent_at) where sent_at is not null;

-- One row per (consumer, envelope) applied, written in the transaction that applies it: a redelivery
-- finds the row and does nothing.
create table processed_event (
    consumer      varchar(200) not null,
    event_id      uuid         not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);
