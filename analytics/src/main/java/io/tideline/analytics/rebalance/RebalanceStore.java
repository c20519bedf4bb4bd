package io.tideline.analytics.rebalance;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one home of {@code rebalance_suggestion} (suggestions with their follow-up) and {@code suggestion_position}
 * (what the follow-up knows of every LP position).
 */
@ApplicationScoped
public class RebalanceStore {

    /** Follow-up of a suggestion. */
    public enum Status { OPEN, FOLLOWED, NOT_FOLLOWED }

    /** A kept suggestion. */
    public record Kept(UUID id, UUID batchId, String positionKey, String pool, int feePips, int tickSpacing,
                       RiskLevel riskLevel, int tickLower, int tickUpper, int tick, int currentLower,
                       int currentUpper, BigInteger currentLiquidity, BigDecimal expectedFeeApr, BigDecimal ilRisk,
                       BigDecimal confidence, String regime, Instant createdAt, Status status, String followedBy,
                       Instant followedAt, String plan) {

        FollowUpRule.Suggested asSuggested() {
            return new FollowUpRule.Suggested(id, pool, tickSpacing, tickLower, tickUpper, createdAt);
        }
    }

    /** What the follow-up knows of a position. */
    public record SeenPosition(String positionKey, String pool, Integer tickLower, Integer tickUpper,
                               BigInteger sqrtPriceX96, Instant mintedAt, Instant closedAt) {
    }

    /** Risk levels in their own order (conservative first), not the alphabet's. */
    private static final String LEVEL_ORDER = "array_position(array['CONSERVATIVE', 'MODERATE', 'AGGRESSIVE'],"
            + " risk_level)";
    private static final String COLUMNS = "suggestion_id, batch_id, position_key, pool, fee_pips, tick_spacing,"
            + " risk_level, tick_lower, tick_upper, tick, current_lower, current_upper, current_liquidity,"
            + " expected_fee_apr, il_risk, confidence, regime, created_at, status, followed_by, followed_at, suggestion";

    /** Keeps one row per proposal of the plan; returns their ids in the plan's order. */
    public List<UUID> keep(Sql sql, UUID batchId, RebalancePlan plan, String planJson, Instant at) {
        List<UUID> ids = new ArrayList<>();
        List<Tuple> rows = new ArrayList<>();
        for (RebalanceProposal p : plan.proposals()) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(Tuple.from(new Object[] {id, batchId, plan.positionKey(), plan.pool(), plan.feePips(),
                    plan.tickSpacing(), p.riskLevel().name(), p.tickLower(), p.tickUpper(), plan.tick(),
                    plan.currentLower(), plan.currentUpper(), new BigDecimal(plan.currentLiquidity()),
                    p.expectedFeeApr(), p.ilRisk(), p.confidence(),
                    plan.regime() == null ? null : plan.regime().name(), Sql.utc(at), Status.OPEN.name(), null, null,
                    planJson}));
        }
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 22; i++) {
            values.append(i == 1 ? "$" : ", $").append(i);
        }
        sql.batch("insert into rebalance_suggestion (" + COLUMNS + ") values (" + values + ")", rows);
        return ids;
    }

    /** A position's suggestions, newest first. */
    public List<Kept> ofPosition(Sql sql, String positionKey, int limit) {
        return sql.list("select " + COLUMNS + " from rebalance_suggestion where position_key = $1"
                + " order by created_at desc, " + LEVEL_ORDER + " limit $2", Tuple.of(positionKey, limit), RebalanceStore::kept);
    }

    /** A pool's suggestions, newest first. */
    public List<Kept> ofPool(Sql sql, String pool, int limit) {
        return sql.list("select " + COLUMNS + " from rebalance_suggestion where pool = $1"
                + " order by created_at desc, position_key, " + LEVEL_ORDER + " limit $2", Tuple.of(pool, limit),
                RebalanceStore::kept);
    }

    /** The newest batch of each position in the pool. */
    public List<Kept> latestOfPool(Sql sql, String pool) {
        return sql.list("select " + COLUMNS + " from rebalance_suggestion s where pool = $1 and batch_id = ("
                + " select batch_id from rebalance_suggestion l where l.position_key = s.position_key"
                + " order by created_at desc limit 1) order by position_key, " + LEVEL_ORDER, Tuple.of(pool),
                RebalanceStore::kept);
    }

    /** A position's suggestions still waiting for their follow-up, locked for the unit of work. */
    public List<Kept> openOf(Sql sql, String positionKey) {
        return sql.list("select " + COLUMNS + " from rebalance_suggestion where position_key = $1 and status = 'OPEN'"
                + " for update", Tuple.of(positionKey), RebalanceStore::kept);
    }

    /** Marks the suggestion followed by the new position and the position's other open suggestions not followed. */
    public void followed(Sql sql, Kept suggestion, String newPosition, Instant at) {
        sql.exec("update rebalance_suggestion set status = case when suggestion_id = $2 then 'FOLLOWED'"
                + " else 'NOT_FOLLOWED' end, followed_by = case when suggestion_id = $2 then $3::text end,"
                + " followed_at = case when suggestion_id = $2 then $4::timestamptz end"
                + " where position_key = $1 and status = 'OPEN'",
                Tuple.of(suggestion.positionKey(), suggestion.id(), newPosition, Sql.utc(at)));
    }

    public void minted(Sql sql, String positionKey, String pool, int tickLower, int tickUpper, BigInteger sqrtPrice,
            Instant at) {
        sql.exec("insert into suggestion_position (position_key, pool, tick_lower, tick_upper, sqrt_price_x96,"
                + " minted_at) values ($1, $2, $3, $4, $5, $6) on conflict (position_key) do update set"
                + " pool = excluded.pool, tick_lower = excluded.tick_lower, tick_upper = excluded.tick_upper,"
                + " sqrt_price_x96 = excluded.sqrt_price_x96, minted_at = excluded.minted_at",
                Tuple.from(new Object[] {positionKey, pool, tickLower, tickUpper, new BigDecimal(sqrtPrice),
                        Sql.utc(at)}));
    }

    public void closed(Sql sql, String positionKey, Instant at) {
        sql.exec("insert into suggestion_position (position_key, closed_at) values ($1, $2)"
                + " on conflict (position_key) do update set closed_at = excluded.closed_at",
                Tuple.of(positionKey, Sql.utc(at)));
    }

    public Optional<SeenPosition> position(Sql sql, String positionKey) {
        return sql.first("select * from suggestion_position where position_key = $1", Tuple.of(positionKey),
                RebalanceStore::seen);
    }

    /** Positions minted in the pool in [from, to], oldest first. */
    public List<SeenPosition> mintedIn(Sql sql, String pool, Instant from, Instant to) {
        return sql.list("select * from suggestion_position where pool = $1 and minted_at between $2 and $3"
                + " order by minted_at", Tuple.of(pool, Sql.utc(from), Sql.utc(to)), RebalanceStore::seen);
    }

    /** Positions with open suggestions in the pool that closed in [from, to]. */
    public List<SeenPosition> closedWithOpenSuggestions(Sql sql, String pool, Instant from, Instant to) {
        return sql.list("select p.* from suggestion_position p where p.closed_at between $2 and $3 and exists ("
                + " select 1 from rebalance_suggestion s where s.position_key = p.position_key and s.pool = $1"
                + " and s.status = 'OPEN') order by p.closed_at", Tuple.of(pool, Sql.utc(from), Sql.utc(to)),
                RebalanceStore::seen);
    }

    private static SeenPosition seen(Row r) {
        BigDecimal sqrt = r.getBigDecimal("sqrt_price_x96");
        return new SeenPosition(r.getString("position_key"), r.getString("pool"), r.getInteger("tick_lower"),
                r.getInteger("tick_upper"), sqrt == null ? null : sqrt.toBigIntegerExact(), Sql.instant(r, "minted_at"),
                Sql.instant(r, "closed_at"));
    }

    private static Kept kept(Row r) {
        return new Kept(r.getUUID("suggestion_id"), r.getUUID("batch_id"), r.getString("position_key"),
                r.getString("pool"), r.getInteger("fee_pips"), r.getInteger("tick_spacing"),
                RiskLevel.valueOf(r.getString("risk_level")), r.getInteger("tick_lower"), r.getInteger("tick_upper"),
                r.getInteger("tick"), r.getInteger("current_lower"), r.getInteger("current_upper"),
                r.getBigDecimal("current_liquidity").toBigIntegerExact(), r.getBigDecimal("expected_fee_apr"),
                r.getBigDecimal("il_risk"), r.getBigDecimal("confidence"), r.getString("regime"),
                Sql.instant(r, "created_at"), Status.valueOf(r.getString("status")), r.getString("followed_by"),
                Sql.instant(r, "followed_at"), r.getString("suggestion"));
    }
}
