-- Balance shortfalls: a position whose take-profit was not placed because the venue account held less of the base
-- asset than it would sell (what resting sells already offer not counted). One row per fill, the latest run's finding;
-- it is cleared when a take-profit for the fill is placed.
create table tp_shortfall (
    fill_key     bigint      primary key references mm_fill,
    session_id   text        not null,
    pair         text        not null,
    venue        text        not null,
    needed_qty   numeric     not null,
    held_qty     numeric     not null,
    reason       text        not null,
    run_id       uuid,
    recorded_at  timestamptz not null default now()
);
