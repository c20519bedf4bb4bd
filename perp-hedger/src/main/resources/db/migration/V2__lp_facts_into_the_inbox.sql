-- perp-hedger moves its LP-fact inbox onto the shared one (table inbox, stream 'lp-facts', shared migration V0_2):
-- the consumer accepts whole envelopes there and the shared inbox worker plans them. Facts of the old table that were
-- not planned yet are carried over so that an upgrade loses none; then the old table is dropped.
--
-- How each envelope is rebuilt (the old table kept the payload, not the envelope):
--   eventId       = perp_lp_fact.event_id (so a redelivery from Kafka is still a duplicate)
--   type          = event_type; version = 1 (every LP fact type was version 1 when the old table was written)
--   occurredAt    = received_at (the producer's time was not kept; the payload's chain time is inside it)
--   source        = 'lp-tracker' (the only producer of lp.positions); key = position_key
--   correlationId = absent: it was not kept, so the hedge's events correlate on the fact's own event id
--   payload       = payload (written with the events' JSON rules: big numbers as strings, kept exactly by jsonb)
-- Facts the old planner had set aside (plan_error) come over set aside, with their error, so that an operator can
-- re-drive them (Inbox.redrive); facts already planned are not carried.

alter table perp_hedge add column correlation_id varchar(300);
alter table perp_order add column correlation_id varchar(300);

insert into inbox (stream, message_id, message_key, message_type, body, received_at, last_error, set_aside_at)
select 'lp-facts', f.event_id::text, f.position_key, f.event_type,
       json_build_object(
           'eventId', f.event_id,
           'type', f.event_type,
           'version', 1,
           'occurredAt', to_char(f.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'source', 'lp-tracker',
           'key', f.position_key,
           'payload', f.payload)::text,
       f.received_at,
       f.plan_error,
       case when f.plan_error is not null then f.planned_at end
from perp_lp_fact f
where f.planned_at is null or f.plan_error is not null
order by f.id
on conflict (stream, message_id) do nothing;

drop table perp_lp_fact;
