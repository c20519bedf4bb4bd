-- pnl-ingest's deliveries move to the shared durable inbox (db/messaging V0_2), stream 'alchemy-webhooks': message id =
-- the delivery id (a redelivery stays a duplicate), key = the webhook id, body = the raw body as received.
--
-- Every delivery of the old table is carried over, in arrival order: unprocessed ones stay pending (the inbox worker
-- processes them), processed ones keep their processed_at (so their ids still answer 'duplicate' until the inbox's
-- retention deletes them), set-aside ones stay set aside with their reason.
insert into inbox (stream, message_id, message_key, message_type, body, received_at, last_error, processed_at,
                   set_aside_at)
select 'alchemy-webhooks', delivery_id, webhook_id, 'ADDRESS_ACTIVITY', body, received_at, process_error,
       case when process_error is null then processed_at end,
       case when process_error is not null then coalesce(processed_at, now()) end
from webhook_inbox
order by id
on conflict (stream, message_id) do nothing;

-- A wallet activity names the delivery it first came in (the delivery id, as WalletActivityReceived.webhookEventId
-- does) instead of the old table's row id: inbox rows are deleted after their retention, delivery ids stay meaningful.
alter table wallet_activity add column delivery_id text;
update wallet_activity a set delivery_id = w.delivery_id from webhook_inbox w where w.id = a.inbox_id;
alter table wallet_activity alter column delivery_id set not null;
alter table wallet_activity drop column inbox_id;

drop table webhook_inbox;
