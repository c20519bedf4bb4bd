-- The claim's key-order query reads one range of inbox_pending (Inbox.FIRST_GAP_OF_KEYS) and no longer asks per key:
-- inbox_pending_by_key has no reader left, and every accept and every mark-processed paid for its entries.
drop index if exists inbox_pending_by_key;
