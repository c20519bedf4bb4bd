-- pnl-ingest: webhook deliveries, wallet activities, executions, arbitrage alerts, lots and realized P&L.
-- Token amounts are integers in the token's smallest unit (NUMERIC(78,0)); shares, prices and money are in the
-- venue's collateral (USDC) as exact NUMERIC; the scales the code rounds to are stated where it rounds.

-- Every acknowledged delivery, stored raw before the 200 goes out: processing reads from here, so an acknowledged
-- webhook is never lost. The poller's finds land here too (source 'poller'), so they take the same path.
create table webhook_inbox (
    id            bigint generated always as identity primary key,
    source        text        not null,              -- alchemy | poller
    webhook_id    text        not null,
    delivery_id   text        not null unique,       -- Alchemy's event id (whevt_...): a replay is acknowledged, not stored
    created_at    timestamptz,                       -- the delivery's createdAt
    body          text        not null,              -- the raw body (the signature covered exactly these bytes)
    received_at   timestamptz not null default now(),
    processed_at  timestamptz,
    process_error text                               -- set aside: the body could not be processed (kept, not retried)
);
create index webhook_inbox_unprocessed on webhook_inbox (id) where processed_at is null;

-- One transfer touching a watched wallet. activity_key is (hash, logIndex[, tokenId]) or, with no log,
-- (hash, category, from, to): the same transfer in two deliveries (or found by the poller) is stored once.
create table wallet_activity (
    id               bigint generated always as identity primary key,
    activity_key     text        not null unique,
    inbox_id         bigint      not null references webhook_inbox (id),
    wallet           text        not null,
    network          text        not null,
    tx_hash          text        not null,
    log_index        int,
    category         text        not null,
    from_address     text        not null,
    to_address       text        not null,
    contract_address text,
    token_id         numeric(78, 0),
    raw_value        numeric(78, 0) not null,
    block_number     bigint      not null,
    seen_at          timestamptz not null,
    removed          boolean     not null default false  -- a reorg removed its log: it no longer counts
);
create index wallet_activity_by_tx on wallet_activity (wallet, tx_hash);

-- Outcome token id -> market and outcome (configured, or learnt from alert legs that name a token id).
create table outcome_token (
    token_id  numeric(78, 0) primary key,
    venue     text not null,
    market    text not null,
    outcome   text not null
);

create table arbitrage_alert (
    alert_id      text primary key,
    expected_edge numeric     not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    status        text        not null default 'OPEN',   -- OPEN | EXPIRED
    recorded_at   timestamptz not null default now()
);
create index arbitrage_alert_open on arbitrage_alert (created_at) where status = 'OPEN';

create table arbitrage_alert_leg (
    alert_id       text not null references arbitrage_alert (alert_id) on delete cascade,
    leg            int  not null,
    venue          text not null,
    market         text not null,
    outcome        text not null,
    side           text not null,
    expected_price numeric not null,
    token_id       numeric(78, 0),
    primary key (alert_id, leg)
);
create index arbitrage_alert_leg_market on arbitrage_alert_leg (venue, market, outcome);

-- A trade, on-chain (built from a transaction's activities) or posted by an off-chain venue.
create table execution (
    execution_id  text primary key,                -- polymarket: network:txhash:logIndex[:tokenId]; others: venue:tradeId
    user_id       text        not null,
    venue         text        not null,
    market        text        not null,
    outcome       text        not null,
    side          text        not null,            -- BUY | SELL
    shares        numeric     not null,
    price         numeric     not null,            -- collateral per share, scale 8 (half-even) when derived
    fee           numeric     not null,
    executed_at   timestamptz not null,
    tx_hash       text,
    alert_id      text,                            -- the alert it was matched to, if any
    retracted     boolean     not null default false,
    recorded_at   timestamptz not null default now()
);
create index execution_by_user on execution (user_id, executed_at);
create index execution_by_alert on execution (alert_id) where alert_id is not null;

-- Open (and spent) lots of a user's position in one outcome; remaining_fee keeps the buy fee not yet attributed,
-- so the fees realized over a lot's life add up to its fee exactly.
create table pnl_lot (
    lot_id        bigint generated always as identity primary key,
    user_id       text        not null,
    venue         text        not null,
    market        text        not null,
    outcome       text        not null,
    execution_id  text        not null unique references execution (execution_id),
    acquired_at   timestamptz not null,
    shares        numeric     not null,
    remaining     numeric     not null,
    price         numeric     not null,
    fee           numeric     not null,
    remaining_fee numeric     not null,
    alert_id      text
);
create index pnl_lot_open on pnl_lot (user_id, venue, market, outcome) where remaining > 0;

-- One row per realization: a sale (or a market's resolution) closing lots, per alert of the lots it closed.
create table pnl_realization (
    realization_id  uuid primary key,
    user_id         text        not null,
    venue           text        not null,
    market          text        not null,
    outcome         text        not null,
    closing_id      text        not null,          -- the sale's execution id, or 'resolution:<venue>:<market>'
    quantity        numeric     not null,
    cost_basis      numeric     not null,
    proceeds        numeric     not null,
    fees            numeric     not null,
    realized_pnl    numeric     not null,
    method          text        not null,
    reason          text        not null,          -- SELL | RESOLUTION
    alert_id        text,
    realized_at     timestamptz not null
);
create index pnl_realization_by_user on pnl_realization (user_id, realized_at);
create index pnl_realization_by_time on pnl_realization (realized_at);

-- Which lots a realization consumed, so that a sale removed by a reorg can give them back.
create table pnl_lot_consumption (
    realization_id uuid    not null references pnl_realization (realization_id) on delete cascade,
    lot_id         bigint  not null references pnl_lot (lot_id),
    quantity       numeric not null,
    fee            numeric not null,
    primary key (realization_id, lot_id)
);

create table market_resolution (
    venue          text not null,
    market         text not null,
    winning_outcome text not null,
    resolved_at    timestamptz not null,
    primary key (venue, market)
);

-- Per user and UTC day, kept in the transaction of each realization and execution: the leaderboard reads it.
create table pnl_daily (
    user_id       text    not null,
    day           date    not null,
    realized_pnl  numeric not null default 0,
    trades        int     not null default 0,
    closes        int     not null default 0,
    wins          int     not null default 0,
    primary key (user_id, day)
);

-- The cost-basis method per user where it differs from the configured default; applies to later sales.
create table user_cost_basis (
    user_id  text primary key,
    method   text not null
);

-- The fallback poller's runs.
create table poller_run (
    id           bigint generated always as identity primary key,
    started_at   timestamptz not null,
    from_block   bigint      not null,
    to_block     bigint      not null,
    logs_found   int         not null,
    new_activities int       not null,
    trigger      text        not null
);
