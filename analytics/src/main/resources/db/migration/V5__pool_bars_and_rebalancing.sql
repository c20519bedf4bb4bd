-- Pool series, recorded and imported, and rebalancing suggestions with their follow-up (issue 15).

-- The LP position's fee tier (pips), from its LpMinted; filled for the strategies already kept from their mint.
alter table strategy add column fee_pips int;
update strategy s set fee_pips = (f.envelope::jsonb -> 'payload' ->> 'fee')::int
  from lp_fact f
 where f.strategy_id = s.strategy_id and f.retracted_by is null and f.envelope::jsonb ->> 'type' = 'LpMinted';

-- A pool's bars: recorded from market.prices (lp-tracker's pool prices with the swaps since the last one, folded into
-- one-minute bars) or imported from CSV at their own width. Pool = chainId:address for recorded bars. Raw amounts.
create table pool_bar (
    pool             text          not null,
    bar_interval     text          not null,   -- M1, M5, M15, H1, H4, D1
    bar_start        timestamptz   not null,
    open_sqrt_price  numeric(78,0) not null,   -- Q64.96
    low_tick         int           not null,
    high_tick        int           not null,
    close_sqrt_price numeric(78,0) not null,
    close_tick       int           not null,
    volume0_in       numeric(78,0) not null,   -- what swappers paid in, fees included
    volume1_in       numeric(78,0) not null,
    liquidity        numeric(78,0) not null,   -- in-range liquidity at the close
    swaps            int           not null,
    source           text          not null,   -- RECORDED, CSV
    last_at          timestamptz   not null,   -- the observation that set the close
    primary key (pool, bar_interval, bar_start)
);

-- Rebalancing suggestions for live LP positions, one row per risk level, kept with their history: whether each was
-- followed (the position closed and a new one minted in the same pool near the suggested range) and by which position.
create table rebalance_suggestion (
    suggestion_id     uuid          primary key,
    batch_id          uuid          not null,  -- the levels made together
    position_key      text          not null,
    pool              text          not null,  -- chainId:address
    fee_pips          int           not null,
    tick_spacing      int           not null,
    risk_level        text          not null,  -- CONSERVATIVE, MODERATE, AGGRESSIVE
    tick_lower        int           not null,  -- the suggested range
    tick_upper        int           not null,
    tick              int           not null,  -- the pool's tick when made
    current_lower     int           not null,  -- the position's range and liquidity when made
    current_upper     int           not null,
    current_liquidity numeric(78,0) not null,
    expected_fee_apr  numeric,                 -- null without volume data
    il_risk           numeric,                 -- null without volatility data
    confidence        numeric       not null,
    regime            text,
    suggestion        text          not null,  -- JSON: the whole suggestion with its inputs
    created_at        timestamptz   not null,
    status            text          not null,  -- OPEN, FOLLOWED, NOT_FOLLOWED
    followed_by       text,                    -- the new position's key
    followed_at       timestamptz
);
create index rebalance_suggestion_by_position on rebalance_suggestion (position_key, created_at desc);
create index rebalance_suggestion_by_pool on rebalance_suggestion (pool, created_at desc);

-- What the follow-up needs of every LP position, from lp.positions (its own consumer): pool, range, mint, close.
create table suggestion_position (
    position_key   text          primary key,
    pool           text,
    tick_lower     int,
    tick_upper     int,
    sqrt_price_x96 numeric(78,0),              -- the pool's at the mint
    minted_at      timestamptz,
    closed_at      timestamptz
);
create index suggestion_position_by_pool on suggestion_position (pool, minted_at);
