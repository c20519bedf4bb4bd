-- The durable inbox (shared-messaging): what a service has accepted (a webhook delivery, an event it plans from later)
-- and must process exactly once, on a worker of its own. A row is processed in the transaction of its effects; one
-- that keeps failing while the database answers is set aside with the reason after N attempts.
create table inbox (
    id            bigserial    primary key,
    stream        varchar(100) not null,            -- which inbox: one worker per stream
    message_id    varchar(300) not null,            -- the sender's id (envelope id, delivery id): duplicates are dropped
    message_key   varchar(300),                     -- ordering/partition key, when the sender has one
    message_type  varchar(100),
    body          text         not null,            -- the whole envelope, or the raw bytes received
    received_at   timestamptz  not null default now(),
    attempts      integer      not null default 0,  -- failed attempts while the database answered
    last_error    text,
    processed_at  timestamptz,
    set_aside_at  timestamptz,
    unique (stream, message_id)
);
create index inbox_pending on inbox (stream, id) where processed_at is null and set_aside_at is null;
create index inbox_processed_at on inbox (processed_at) where processed_at is not null;
create index inbox_set_aside on inbox (stream, id) where set_aside_at is not null;
