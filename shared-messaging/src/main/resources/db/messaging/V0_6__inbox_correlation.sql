-- Lineage in the inbox: the correlation id of an accepted event, put in the log context while it is handled.
alter table inbox add column correlation_id varchar(300);
