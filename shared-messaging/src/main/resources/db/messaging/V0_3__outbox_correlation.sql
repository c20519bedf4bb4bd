-- Lineage: the correlation id of each outbox event, so the relay can put it (and a W3C traceparent derived from it)
-- in the Kafka headers without decoding the envelope.
alter table outbox add column correlation_id varchar(300);
