-- Backtests run as jobs: the request as posted, the progress while it runs, the result (a summary: figures, metrics,
-- actions and the equity curve sampled per metric period) once done, or the error that stopped it.
create table backtest (
    backtest_id  uuid        primary key,
    name         text        not null,
    status       text        not null,     -- RUNNING, DONE, FAILED
    steps        integer     not null,     -- bars to walk
    done         integer     not null default 0,
    request      text        not null,     -- JSON, as posted
    result       text,                     -- JSON BacktestSummary once DONE
    error        text,
    created_at   timestamptz not null,
    finished_at  timestamptz
);
create index backtest_by_created on backtest (created_at desc);
