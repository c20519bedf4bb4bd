-- The relay deletes an outbox row once the broker has acknowledged it, and keeps this small audit row instead
-- (ADR 0014): stamping sent_at was an update of a column both partial indexes of outbox name, so never HOT (a new
-- heap tuple and new index entries per event); a delete writes no index entry. The envelope itself is on Kafka.
-- Expand-only: outbox.sent_at and its index stay, so a relay of the previous version still stamping sent_at keeps
-- working, and the retention still deletes the rows it stamped.
create table outbox_sent (
    outbox_id       bigint       not null,          -- the outbox row's id: the order the relay published in
    event_id        uuid         not null,
    topic           varchar(200) not null,
    event_key       varchar(300) not null,
    event_type      varchar(100) not null,
    correlation_id  varchar(300),
    created_at      timestamptz  not null,
    sent_at         timestamptz  not null default now()
);
-- Rows arrive in sent_at order and leave past the retention: a BRIN range index finds them for the retention's
-- delete at almost no cost per insert.
create index outbox_sent_sent_at on outbox_sent using brin (sent_at);
