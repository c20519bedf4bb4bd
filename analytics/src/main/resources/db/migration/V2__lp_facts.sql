-- The chain facts of each LP strategy (LpMinted, LpLiquidityChanged, LpFeesCollected, LpClosed, LpTransferred) as
-- consumed, so that one lp-tracker retracts after a chain reorganisation (LpFactRetracted) can be undone: the
-- strategy's LP side is folded again from the facts that still stand. Marks (LpValued) are not kept: the next mark
-- replaces whatever the fold leaves. Part of the read model: a replay truncates it with the rest.
create table lp_fact (
    seq          bigserial primary key,      -- the order the facts were applied in
    strategy_id  text  not null,
    event_id     uuid  not null unique,
    envelope     text  not null,             -- the envelope as the shared codec encodes it (JSON, as sent)
    retracted_by uuid                        -- the LpFactRetracted's event id; null while the fact stands
);
create index lp_fact_by_strategy on lp_fact (strategy_id, seq);

-- A strategy whose mint was retracted holds no LP position: status RETRACTED (its hedge, if any, still counts).
comment on column strategy.status is 'OPEN, CLOSED, TRANSFERRED, or RETRACTED (its mint was withdrawn by a reorg)';
