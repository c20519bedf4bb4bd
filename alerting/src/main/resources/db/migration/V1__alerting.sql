-- alerting: rules, alerts with their timeline, and the facts the rules watch (kept from the events consumed).
-- Money and prices are NUMERIC (exact); durations are whole seconds.

-- A rule: what it watches (kind + params), for whom (scope), how loud (severity, channels), how often (cooldown)
-- and what happens when nobody answers (escalation).
create table alert_rule (
    rule_id        text primary key,
    name           text        not null,
    kind           text        not null,
    scope_type     text        not null,          -- GLOBAL, WALLET, POSITION, POOL, SESSION, USER
    scope_value    text,                          -- null for GLOBAL
    params         jsonb       not null,          -- the kind's thresholds (RuleParams)
    severity       text        not null,          -- LOW, MEDIUM, HIGH, CRITICAL
    channels       jsonb       not null,          -- ["push", "email:desk", ...]
    cooldown_s     bigint      not null,
    escalation     jsonb,                         -- {"afterSeconds", "maxTimes", "channels"} or null
    enabled        boolean     not null,
    suppressed     bigint      not null default 0, -- triggers not raised because of the cooldown
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null default 1
);

-- An alert: one rule about one subject. At most one alert per rule and subject is not RESOLVED; while it is, a new
-- trigger only adds to its count.
create table alert (
    alert_id           text primary key,
    rule_id            text        not null,
    rule_name          text        not null,
    kind               text        not null,
    subject_key        text        not null,
    state              text        not null,      -- OPEN, ACKNOWLEDGED, RESOLVED
    severity           text        not null,
    title              text        not null,
    detail             text        not null,
    occurrences        bigint      not null,
    raised_at          timestamptz not null,
    last_seen_at       timestamptz not null,
    source_event_id    uuid,
    correlation_id     text,
    escalation_level   int         not null default 0,
    next_escalation_at timestamptz,
    snoozed_until      timestamptz,
    acknowledged_by    text,
    acknowledged_at    timestamptz,
    acknowledge_note   text,
    resolved_at        timestamptz,
    resolved_by        text,
    resolution         text
);
create unique index alert_one_unresolved on alert (rule_id, subject_key) where state <> 'RESOLVED';
create index alert_by_rule_subject on alert (rule_id, subject_key, raised_at desc);
create index alert_by_raised on alert (raised_at desc);
create index alert_escalation_due on alert (next_escalation_at) where state = 'OPEN' and next_escalation_at is not null;

-- Everything that happened to an alert, in order: the history behind its page and the live stream.
create table alert_timeline (
    id          bigint generated always as identity primary key,
    alert_id    text        not null references alert (alert_id),
    at          timestamptz not null,
    change      text        not null,             -- RAISED, REPEATED, ESCALATED, ACKNOWLEDGED, SNOOZED, RESOLVED
    severity    text        not null,
    actor       text,
    note        text,
    push        boolean     not null              -- the rule has the push channel: the screen pops it up
);
create index alert_timeline_by_alert on alert_timeline (alert_id, id);

-- The facts the rules watch, kept from the events. One row per LP position (scope attributes and the latest
-- condition); hedged quantity in the hedge market's base asset.
create table watched_position (
    position_key        text primary key,
    owner               text,
    pool                text,                      -- chainId:pool
    symbol0             text,
    symbol1             text,
    decimals0           int,
    decimals1           int,
    cost_token1         numeric,                   -- what was deposited, valued in token1 at the mint price
    open                boolean     not null default true,
    out_of_range_since  timestamptz,
    minted_at           timestamptz,
    amount0             numeric,                   -- token0 held at the last valuation, decimals applied
    amount1             numeric,                   -- token1 held at the last valuation, decimals applied
    loss_token1         numeric,                   -- impermanent loss at the last valuation (positive = a loss)
    fees_token1         numeric,                   -- uncollected fees at the last valuation, in token1
    hedge_market        text,
    hedged_qty          numeric     not null default 0, -- short held: sells filled minus buys filled, base asset
    hedged              boolean     not null default false,
    updated_at          timestamptz not null
);
create index watched_position_out_of_range on watched_position (out_of_range_since) where out_of_range_since is not null;
create index watched_position_unhedged on watched_position (minted_at) where open and not hedged;

-- Market-maker inventory that no take-profit covers yet (PositionUncovered until TakeProfitPlaced for its fill).
create table watched_uncovered (
    session_id   text        not null,
    pair         text        not null,
    fill_id      text        not null,
    quantity     numeric     not null,
    held_since   timestamptz not null,
    covered_at   timestamptz,
    primary key (session_id, pair, fill_id)
);
create index watched_uncovered_open on watched_uncovered (held_since) where covered_at is null;

-- The last price of each instrument, to tell when a price crosses a level.
create table watched_price (
    instrument   text primary key,
    price        numeric     not null,
    observed_at  timestamptz not null
);

-- Each user's cumulative realized P&L after each realization, for drawdowns within a window.
create table watched_user_pnl (
    id           bigint generated always as identity primary key,
    user_id      text        not null,
    at           timestamptz not null,
    cumulative   numeric     not null
);
create index watched_user_pnl_by_user on watched_user_pnl (user_id, at);

-- The readiness of each polled service: since when it has not been ready.
create table watched_service (
    service          text primary key,
    ready            boolean     not null,
    not_ready_since  timestamptz,
    checked_at       timestamptz not null,
    detail           text
);

-- Records seen on dead-letter topics (one row per topic, partition and offset: each is alerted once).
create table dead_letter_seen (
    topic        text        not null,
    partition_no int         not null,
    record_offset bigint     not null,
    seen_at      timestamptz not null,
    primary key (topic, partition_no, record_offset)
);
