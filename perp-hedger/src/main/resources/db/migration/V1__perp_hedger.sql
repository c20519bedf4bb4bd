-- perp-hedger: LP facts received, hedges, their orders and the venue's fills.
-- Quantities are in the perp market's base asset, prices and money in its collateral asset (NUMERIC, exact).

-- The LP facts this service acted on, in arrival order: the consumer stores them (idempotently, with the event id)
-- and the hedge worker plans from them in order, so that planning never runs inside the consumer's transaction.
create table perp_lp_fact (
    id            bigint generated always as identity primary key,
    event_id      uuid        not null unique,
    position_key  text        not null,
    event_type    text        not null,
    payload       jsonb       not null,
    received_at   timestamptz not null default now(),
    planned_at    timestamptz,
    plan_error    text                        -- why it could not be planned (set aside, not retried)
);
create index perp_lp_fact_unplanned on perp_lp_fact (id) where planned_at is null;

-- Latest pool prices (PriceObserved from lp-tracker): the paper venue fills at them.
create table perp_pool_price (
    instrument    text primary key,           -- chainId:pool
    price         numeric     not null,       -- token1 per token0
    observed_at   timestamptz not null,
    updated_at    timestamptz not null default now()
);

-- One hedge per LP position life (a position whose mint was retracted and minted again gets a new one).
create table perp_hedge (
    hedge_id        uuid primary key,
    position_key    text        not null,
    owner           text        not null,
    pool            text        not null,       -- chainId:pool
    market          text        not null,
    volatile_token  text        not null,       -- token address
    volatile_decimals int       not null,
    status          text        not null,       -- OPENING, OPEN, CLOSING, CLOSED, FAILED, UNHEDGED
    lp_state        text        not null,       -- OPEN, CLOSED, TRANSFERRED, RETRACTED
    target_qty      numeric     not null,       -- the short the hedger wants
    open_qty        numeric     not null default 0, -- the short held, from our recorded fills (sells - buys)
    sold_value      numeric     not null default 0, -- sum of sell qty x price
    bought_value    numeric     not null default 0, -- sum of buy qty x price
    fees            numeric     not null default 0,
    next_step       int         not null default 1,
    detail          text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create unique index perp_hedge_one_live on perp_hedge (position_key)
    where status in ('OPENING', 'OPEN', 'CLOSING');
create index perp_hedge_position on perp_hedge (position_key);
create index perp_hedge_to_close on perp_hedge (hedge_id)
    where lp_state <> 'OPEN' and status in ('OPENING', 'OPEN', 'CLOSING');

-- Orders the hedger sends. external_id is derived from (position, step, generation): a retry after a crash finds
-- the existing order at the venue instead of placing a second one.
create table perp_order (
    order_key        uuid primary key,
    hedge_id         uuid        not null references perp_hedge,
    position_key     text        not null,
    step             int         not null,
    generation       int         not null default 0,  -- manual retries of a failed step
    purpose          text        not null,       -- OPEN, REBALANCE, CLOSE
    external_id      text        not null unique,
    venue            text        not null,
    market           text        not null,
    side             text        not null,       -- BUY, SELL
    quantity         numeric     not null check (quantity > 0),
    reduce_only      boolean     not null,
    reference_price  numeric     not null,
    state            text        not null,       -- REQUESTED, SENDING, PENDING_LOOKUP, FILLED, FAILED, CANCELLED
    venue_order_id   text,
    venue_status     text,
    status_reason    text,
    filled_qty       numeric     not null default 0,
    average_price    numeric,
    fee              numeric     not null default 0,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    retryable        boolean,
    raw              jsonb,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (hedge_id, step, generation)
);
create index perp_order_due on perp_order (next_attempt_at)
    where state in ('REQUESTED', 'SENDING', 'PENDING_LOOKUP');
create index perp_order_hedge on perp_order (hedge_id);

-- Every fill of our orders, once (trade_id is the venue's), linked to the LP position.
create table perp_trades (
    trade_id      text primary key,
    position_key  text        not null,
    hedge_id      uuid        not null references perp_hedge,
    order_id      text        not null,
    external_id   text        not null,
    market        text        not null,
    side          text        not null,
    qty           numeric     not null,
    price         numeric     not null,
    fee           numeric     not null,
    created_time  timestamptz not null,
    raw           jsonb       not null,
    recorded_at   timestamptz not null default now()
);
create index perp_trades_position on perp_trades (position_key);
create index perp_trades_order on perp_trades (order_id);

-- The paper venue (tideline.perp.venue=paper): market orders filled at once at the pool price, kept here so that a
-- restart keeps its positions. Ids start above 2^53, as the real venue's do, so they are exercised as strings.
create sequence paper_id_seq start with 9007199254740993;
create table paper_order (
    order_id       bigint primary key,
    external_id    text        not null unique,
    market         text        not null,
    side           text        not null,
    qty            numeric     not null,
    price          numeric     not null,
    reduce_only    boolean     not null,
    status         text        not null,
    status_reason  text,
    filled_qty     numeric     not null,
    average_price  numeric,
    fee            numeric     not null,
    created_at     timestamptz not null default now()
);
create table paper_trade (
    trade_id    bigint primary key,
    order_id    bigint      not null references paper_order,
    market      text        not null,
    side        text        not null,
    qty         numeric     not null,
    price       numeric     not null,
    fee         numeric     not null,
    created_at  timestamptz not null default now()
);
create index paper_trade_market on paper_trade (market, trade_id desc);
