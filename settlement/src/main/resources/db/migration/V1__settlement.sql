-- settlement: market-making sessions, their fills, the take-profit (TP) orders covering buy fills, settlement runs,
-- and the paper venue. Quantities are in a pair's base asset, prices and money in its quote asset (NUMERIC, exact).

-- A market-making session. Created through the API, by the importer, or implicitly by its first FillRecorded.
create table mm_session (
    session_id            text primary key,
    venue                 text        not null,
    pairs                 text[]      not null default '{}',   -- sorted, distinct; grows with the pairs fills show
    started_at            timestamptz not null,
    ended_at              timestamptz,
    last_activity_at      timestamptz not null,                -- latest of start, end and fill times: the lookback
    source                text        not null,                -- api, event, redis
    -- Portfolio stop-loss: OK, or TRIPPED (no new take-profits until acknowledged through the API).
    stop_loss_state       text        not null default 'OK',
    stop_loss_tripped_at  timestamptz,
    stop_loss_loss        numeric,                             -- the loss that tripped it (quote asset)
    stop_loss_trips       int         not null default 0,
    acknowledged_loss     numeric     not null default 0,      -- the limit counts from the loss acknowledged last
    acknowledged_at       timestamptz,
    acknowledged_by       text,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
create index mm_session_activity on mm_session (last_activity_at);

-- Every fill of the market maker, once: (venue, order_id, trade_id) is the fill's identity everywhere.
create table mm_fill (
    fill_key     bigint generated always as identity primary key,
    session_id   text        not null references mm_session,
    pair         text        not null,
    venue        text        not null,
    order_id     text        not null,
    trade_id     text        not null,
    side         text        not null check (side in ('BUY', 'SELL')),
    qty          numeric     not null check (qty > 0),
    price        numeric     not null check (price > 0),
    fee          numeric     not null check (fee >= 0),
    fee_asset    text,
    filled_at    timestamptz not null,
    source       text        not null,                       -- api, event, redis
    recorded_at  timestamptz not null default now(),
    unique (venue, order_id, trade_id)
);
create index mm_fill_session_pair on mm_fill (session_id, pair) where side = 'BUY';

-- Take-profit orders. One row per order sent (or about to be sent) to the venue under a client order id derived from
-- (fill, tier, attempt). PLACING rows are written and committed before the venue is called: after a crash they are
-- looked up at the venue by client order id before anything is placed again.
--   PLACING    intent committed, venue not answered yet           (live)
--   LIVE       resting at the venue                                (live)
--   REPLACING  being re-priced: replacement_client_order_id next   (live)
--   FILLED     filled in full                                      (closed)
--   REPLACED   cancelled at the venue in favour of its replacement (closed)
--   CANCELLED  cancelled at or by the venue                        (closed)
--   FAILED     the venue refused it (post-only twice, rejected)    (closed)
create table tp_order (
    client_order_id             text primary key,
    fill_key                    bigint      not null references mm_fill,
    session_id                  text        not null,
    pair                        text        not null,
    venue                       text        not null,              -- the venue adapter it was sent to
    side                        text        not null,
    tier                        int         not null,
    attempt                     int         not null,
    price                       numeric     not null check (price > 0),
    qty                         numeric     not null check (qty > 0),
    state                       text        not null,
    venue_order_id              text,
    filled_qty                  numeric     not null default 0,
    replaces_client_order_id    text,
    replacement_client_order_id text,
    replacement_price           numeric,
    replacement_tier            int,
    replacement_attempt         int,
    detail                      text,
    run_id                      uuid,
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now()
);
-- At most one live take-profit per fill, whatever runs concurrently.
create unique index tp_order_one_live_per_fill on tp_order (fill_key) where state in ('PLACING', 'LIVE', 'REPLACING');
create index tp_order_session_pair on tp_order (session_id, pair, state);
create index tp_order_fill on tp_order (fill_key);

-- Trades of take-profit orders, once each (TakeProfitFilled is written with the row).
create table tp_fill (
    venue           text        not null,
    trade_id        text        not null,
    client_order_id text        not null references tp_order,
    qty             numeric     not null,
    price           numeric     not null,
    fee             numeric     not null,
    filled_at       timestamptz not null,
    recorded_at     timestamptz not null default now(),
    primary key (venue, trade_id)
);
create index tp_fill_order on tp_fill (client_order_id);

-- Settlement runs, for the run history API.
create table settlement_run (
    run_id                uuid primary key,
    trigger               text        not null,   -- schedule, api
    dry_run               boolean     not null,
    started_at            timestamptz not null,
    finished_at           timestamptz not null,
    sessions              int         not null,
    pairs                 int         not null,
    positions_uncovered   int         not null,
    positions_covered     int         not null,
    orders_placed         int         not null,
    orders_replaced       int         not null,
    orders_failed         int         not null,
    duplicates_prevented  int         not null,
    take_profits_filled   int         not null,
    pairs_skipped_locked  int         not null,
    sessions_stopped      int         not null,
    duration_ms           bigint      not null,
    venue_ms              bigint      not null,   -- summed over the pair workers
    errors                jsonb       not null default '[]'
);
create index settlement_run_started on settlement_run (started_at desc);

-- The paper venue (tideline.settlement.venue=paper): a book per pair (best bid/ask, set through the API or from
-- market.prices), resting post-only orders that fill in full at their limit when the bid reaches them. Ids start above
-- 2^53, as real venues' do, so that they are handled as strings.
create sequence paper_id_seq start with 9007199254740993;
create table paper_book (
    pair        text primary key,
    bid         numeric     not null,
    ask         numeric     not null,
    halted      boolean     not null default false,
    updated_at  timestamptz not null default now()
);
create table paper_order (
    order_id         bigint primary key,
    client_order_id  text        not null unique,
    pair             text        not null,
    side             text        not null,
    price            numeric     not null,
    qty              numeric     not null,
    filled_qty       numeric     not null default 0,
    status           text        not null,        -- OPEN, FILLED, CANCELLED, REJECTED
    status_reason    text,
    replaced_by      text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index paper_order_open on paper_order (pair, price) where status = 'OPEN';
create table paper_trade (
    trade_id    bigint primary key,
    order_id    bigint      not null references paper_order,
    qty         numeric     not null,
    price       numeric     not null,
    fee         numeric     not null,
    created_at  timestamptz not null default now()
);
create index paper_trade_order on paper_trade (order_id);
