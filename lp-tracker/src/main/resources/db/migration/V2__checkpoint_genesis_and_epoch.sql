-- The chain a checkpoint was taken on, told by its genesis (block 0) hash: a node whose genesis differs runs another
-- chain (tideline.lp.chain.on-new-chain says whether to refuse it or start over). Null on checkpoints stored before
-- this column: the follower records the node's genesis the next time it loads.
alter table lp_checkpoint add column genesis_hash varchar(66);

-- How often the book started over (a reorg deeper than the remembered blocks, or a new chain): facts derived after
-- a start-over get event ids of the new epoch, so a fact retracted and derived again is published as a new event.
alter table lp_checkpoint add column epoch integer not null default 0;

-- After a start-over the checkpoint has no block hash: the next pass checks no parent, as on a first start.
alter table lp_checkpoint alter column block_hash drop not null;
