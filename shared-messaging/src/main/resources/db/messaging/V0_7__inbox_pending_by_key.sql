-- A key's inbox messages are handed out in order across instances (Inbox.claim): a claim asks whether a key has an
-- earlier message still pending, by key.
create index inbox_pending_by_key on inbox (stream, message_key, id)
    where processed_at is null and set_aside_at is null and message_key is not null;
