-- analytics: the desk's portfolio as one read model, kept from the events consumed (lp.positions, perp.hedges,
-- pnl.executions, mm.settlement, market.prices), its snapshots and its reports.
-- Token amounts are NUMERIC(78,0) raw units; dollars and prices NUMERIC (exact; dollars at scale 18 where rounded).

-- A strategy: an LP position with its hedge (id = the position key), a market-making session-pair (mm:<session>:<pair>)
-- or a prediction-market wallet (pm:<wallet>). Its book is LP, MM or PM.
create table strategy (
    strategy_id       text primary key,
    book              text        not null,
    name              text        not null,
    correlation_id    text,                       -- the lineage the LP position and its hedge share
    status            text        not null,       -- OPEN, CLOSED, TRANSFERRED
    opened_at         timestamptz not null,
    closed_at         timestamptz,
    updated_at        timestamptz not null,
    -- LP
    pool              text,
    owner             text,
    symbol0           text,
    decimals0         int,
    symbol1           text,
    decimals1         int,
    dollar            text,                       -- TOKEN0, TOKEN1, NEITHER
    tick_lower        int,
    tick_upper        int,
    liquidity         numeric(78,0) not null default 0,
    sqrt_price_x96    numeric(78,0),
    price             numeric,                    -- token1 per token0, the latest valuation's
    valued_at         timestamptz,
    amount0           numeric(78,0) not null default 0,
    amount1           numeric(78,0) not null default 0,
    uncollected0      numeric(78,0) not null default 0,
    uncollected1      numeric(78,0) not null default 0,
    deposited0        numeric(78,0) not null default 0,
    deposited1        numeric(78,0) not null default 0,
    withdrawn0        numeric(78,0) not null default 0,
    withdrawn1        numeric(78,0) not null default 0,
    collected0        numeric(78,0) not null default 0, -- what collects paid, principal included
    collected1        numeric(78,0) not null default 0,
    fees_collected0   numeric(78,0) not null default 0, -- fees alone
    fees_collected1   numeric(78,0) not null default 0,
    cost              numeric     not null default 0,   -- dollars, each deposit at its own price
    -- perp hedge (average cost)
    hedge_id          text,
    hedge_market      text,
    hedge_status      text,
    hedge_quantity    numeric,                    -- signed, negative = short; null = never hedged
    hedge_cost        numeric,
    hedge_realized    numeric,
    hedge_fees        numeric,
    -- market making and prediction markets
    take_profit       numeric     not null default 0,
    take_profit_unpriced int      not null default 0, -- take-profit fills whose entry price was never seen
    prediction_market numeric     not null default 0
);
create index strategy_by_book on strategy (book, strategy_id);

-- The latest price of each instrument (a pool chainId:pool, a venue market symbol).
create table price_mark (
    instrument  text primary key,
    price       numeric     not null,
    observed_at timestamptz not null
);

-- Market making: the inventory fills a take-profit closes, and the take-profits placed.
create table mm_inventory (
    strategy_id text        not null,
    fill_id     text        not null,
    side        text        not null,
    entry_price numeric     not null,
    primary key (strategy_id, fill_id)
);
create table mm_take_profit (
    strategy_id     text not null,
    client_order_id text not null,
    fill_id         text not null,
    side            text not null,
    primary key (strategy_id, client_order_id)
);

-- Trades for the tax-lot report: prediction-market executions and perp hedge fills.
create table trade (
    trade_id    text primary key,
    book        text        not null,
    strategy_id text        not null,
    instrument  text        not null,
    side        text        not null,
    quantity    numeric     not null,
    price       numeric     not null,
    fee         numeric     not null,
    traded_at   timestamptz not null
);
create index trade_by_time on trade (traded_at);

-- Snapshots: the figures of every strategy, book and the desk at one time, kept.
create table snapshot (
    snapshot_id bigserial primary key,
    taken_at    timestamptz not null,
    reason      text        not null              -- SCHEDULED, ON_DEMAND
);
create index snapshot_by_time on snapshot (taken_at);

create table snapshot_line (
    snapshot_id       bigint      not null references snapshot (snapshot_id),
    taken_at          timestamptz not null,
    level             text        not null,       -- STRATEGY, BOOK, DESK
    scope             text        not null,       -- strategy id, book name, or 'desk'
    book              text,
    value             numeric     not null,
    cost              numeric     not null,
    fees_earned       numeric     not null,
    impermanent_loss  numeric     not null,
    hedge_realized    numeric     not null,
    hedge_unrealized  numeric     not null,
    funding           numeric     not null,
    gas               numeric     not null,
    fees_paid         numeric     not null,
    take_profit       numeric     not null,
    prediction_market numeric     not null,
    total_pnl         numeric     not null,
    part_fees         numeric     not null,
    part_il           numeric     not null,
    part_market       numeric     not null,
    part_hedge        numeric     not null,
    part_funding      numeric     not null,
    part_fees_paid    numeric     not null,
    part_take_profit  numeric     not null,
    part_prediction   numeric     not null,
    primary key (snapshot_id, level, scope)
);
create index snapshot_line_series on snapshot_line (level, scope, taken_at);

-- Pool prices at each snapshot, for the correlation between strategies and pools.
create table snapshot_price (
    snapshot_id bigint      not null references snapshot (snapshot_id),
    taken_at    timestamptz not null,
    instrument  text        not null,
    price       numeric     not null,
    primary key (snapshot_id, instrument)
);

-- Reports made on a schedule or on demand, kept with their content.
create table report (
    report_id    text primary key,
    kind         text        not null,            -- PORTFOLIO, TAX_LOTS
    format       text        not null,            -- CSV, JSON, XLSX, PDF
    scope        text        not null,
    period_from  timestamptz not null,
    period_to    timestamptz not null,
    schedule     text,                            -- DAILY, WEEKLY, or null on demand
    content_type text        not null,
    content      bytea       not null,
    created_at   timestamptz not null
);
create index report_by_time on report (created_at desc);
