-- lp-tracker state. Token ids and amounts are kept as decimal strings inside JSON (exact), token ids also as text
-- keys; hashes and addresses lower-case 0x-hex.

-- The last block fully processed per chain (its hash is what the next block's parent hash must be).
create table lp_checkpoint (
    chain_id      bigint       primary key,
    block_number  bigint       not null,
    block_hash    varchar(66)  not null,
    updated_at    timestamptz  not null default now()
);

-- Processed blocks that carried facts, plus each pass's last block: where a reorg's fork point is looked for.
create table lp_block (
    chain_id      bigint       not null,
    block_number  bigint       not null,
    block_hash    varchar(66)  not null,
    parent_hash   varchar(66)  not null,
    block_time    timestamptz  not null,
    primary key (chain_id, block_number)
);

-- Watched owner wallets. synced_to: the last block whose logs were applied for this wallet (a wallet added with a
-- backfill block starts below the checkpoint and catches up before it joins the main pass).
create table lp_wallet (
    chain_id      bigint       not null,
    address       varchar(42)  not null,
    label         varchar(200),
    synced_to     bigint       not null,
    added_at      timestamptz  not null default now(),
    primary key (chain_id, address)
);

create table lp_pool (
    chain_id      bigint       not null,
    address       varchar(42)  not null,
    state         jsonb        not null,
    primary key (chain_id, address)
);

create table lp_position (
    chain_id          bigint       not null,
    position_manager  varchar(42)  not null,
    token_id          varchar(78)  not null,
    owner             varchar(42)  not null,
    status            varchar(16)  not null,
    pool              varchar(42)  not null,
    followed          boolean      not null,
    state             jsonb        not null,
    valuation         jsonb,
    updated_block     bigint       not null,
    updated_at        timestamptz  not null default now(),
    primary key (chain_id, position_manager, token_id)
);
create index lp_position_owner on lp_position (owner, status);

-- Every fact published about a position, kept forever; a reorg marks the ones it undid as retracted.
create table lp_position_fact (
    id                bigserial    primary key,
    chain_id          bigint       not null,
    position_manager  varchar(42)  not null,
    token_id          varchar(78)  not null,
    event_id          uuid         not null unique,
    event_type        varchar(40)  not null,
    block_number      bigint       not null,
    block_hash        varchar(66)  not null,
    tx_hash           varchar(66)  not null,
    log_index         integer      not null,
    block_time        timestamptz  not null,
    payload           jsonb        not null,
    state_after       jsonb        not null,
    retracted_at      timestamptz,
    retraction_event  uuid
);
create index lp_fact_position on lp_position_fact (chain_id, position_manager, token_id, id);
create index lp_fact_live_block on lp_position_fact (chain_id, block_number) where retracted_at is null;
