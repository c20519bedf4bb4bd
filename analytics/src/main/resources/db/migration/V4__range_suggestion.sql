-- Range and fee-tier suggestions (suggestion.RangeSearch), kept with their history: each one as it was made, the
-- chosen pool, fee tier and half width, the regime of the last bar, and the whole suggestion with its folds as JSON.
create table range_suggestion (
    suggestion_id    uuid        primary key,
    pair             text        not null,
    pool             text        not null,
    fee_pips         integer     not null,
    half_width       integer     not null,
    regime           text,                    -- TRENDING, RANGING, HIGH_VOLATILITY; null with too few bars
    mean_test_return numeric,                 -- the folds' mean out-of-sample return; null without folds
    suggestion       text        not null,    -- JSON RangeSuggestion
    created_at       timestamptz not null
);
create index range_suggestion_by_pair on range_suggestion (pair, created_at desc);
