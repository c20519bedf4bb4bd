-- processed_event rows are deleted after tideline.messaging.consumer.processed-retention (consumers do it): an index
-- on the time keeps that delete from scanning the table.
create index processed_event_processed_at on processed_event (processed_at);
