-- A transaction mined again after a reorg is the same transfer in another block: the block a transfer was last seen
-- in is kept, so a removal undoes the transfer in its own block only, and the transfer seen again in another block is
-- recorded again (null: seen before this column existed, or a transfer without a log).
alter table wallet_activity add column block_hash text;

-- How many times an execution was recorded: 0 the first time, +1 each time a retracted execution is recorded again
-- (its re-mined transaction read again). Its events' ids include it, so a consumer sees the new recording as new.
alter table execution add column recording int not null default 0;
