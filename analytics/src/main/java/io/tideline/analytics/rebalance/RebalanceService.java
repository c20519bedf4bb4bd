package io.tideline.analytics.rebalance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.PoolBarStore;
import io.tideline.analytics.readmodel.StrategyRecord;
import io.tideline.analytics.readmodel.StrategyStore;
import io.tideline.analytics.suggestion.RangeSuggestionStore;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes rebalancing suggestions for live LP positions from the read model and the pool's recorded bars, keeps them,
 * and reads them back with their follow-up and, once followed, how it did.
 */
@ApplicationScoped
public class RebalanceService {

    private final Transactions transactions;
    private final StrategyStore strategies;
    private final PoolBarStore bars;
    private final RangeSuggestionStore walkForward;
    private final RebalanceStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public RebalanceService(Transactions transactions, StrategyStore strategies, PoolBarStore bars,
            RangeSuggestionStore walkForward, RebalanceStore store, ObjectMapper json, Clock clock) {
        this.transactions = transactions;
        this.strategies = strategies;
        this.bars = bars;
        this.walkForward = walkForward;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Suggestions for a live position now, kept. 404 for an unknown position, 409 for one that is not live. */
    public SuggestionBatch suggest(String positionKey) {
        Sql reads = transactions.reads();
        StrategyRecord s = strategies.one(reads, positionKey)
                .orElseThrow(() -> ProblemException.notFound("position " + positionKey));
        if (!"OPEN".equals(s.status()) || !s.hasLp() || s.sqrtPriceX96() == null || s.liquidity().signum() == 0) {
            throw ProblemException.conflict("position " + positionKey + " is not a live LP position (status "
                    + s.status() + ")");
        }
        if (s.feePips() == null || TickSpacings.of(s.feePips()).isEmpty()) {
            throw ProblemException.conflict("position " + positionKey + ": fee tier " + s.feePips()
                    + " has no known tick spacing");
        }
        int spacing = TickSpacings.of(s.feePips()).orElseThrow();
        Instant now = clock.instant();
        List<Bar> lookback = bars.bars(reads, s.pool(), BarInterval.H1,
                now.minusSeconds(BarInterval.H1.seconds() * RebalancePlanner.LOOKBACK_BARS), now);
        String address = s.pool().substring(s.pool().indexOf(':') + 1);
        BigDecimal wf = walkForward.latestMeanTestReturn(reads, List.of(s.pool(), address)).orElse(null);
        LivePosition position = new LivePosition(positionKey, s.pool(), s.feePips(), s.tickLower(), s.tickUpper(),
                s.liquidity(), s.sqrtPriceX96(), s.amount0().add(s.uncollected0()), s.amount1().add(s.uncollected1()));
        RebalancePlan plan = RebalancePlanner.plan(position, spacing, lookback, wf);
        UUID batch = UUID.randomUUID();
        String text = write(plan);
        List<UUID> ids = transactions.run(tx -> store.keep(tx, batch, plan, text, now));
        List<SuggestionView> views = store.ofPosition(reads, positionKey, plan.proposals().size()).stream()
                .filter(k -> ids.contains(k.id())).map(k -> view(reads, k, null)).toList();
        return new SuggestionBatch(batch, now, plan, views);
    }

    /** The newest batch of a position's suggestions (empty list when none was made). */
    public List<SuggestionView> latestOfPosition(String positionKey) {
        Sql reads = transactions.reads();
        List<RebalanceStore.Kept> all = store.ofPosition(reads, positionKey, RiskLevel.values().length);
        if (all.isEmpty()) {
            return List.of();
        }
        UUID batch = all.get(0).batchId();
        return views(reads, all.stream().filter(k -> k.batchId().equals(batch)).toList());
    }

    public List<SuggestionView> historyOfPosition(String positionKey, int limit) {
        Sql reads = transactions.reads();
        return views(reads, store.ofPosition(reads, positionKey, limit));
    }

    /** The newest batch of every position in the pool that has suggestions. */
    public List<SuggestionView> latestOfPool(String pool) {
        Sql reads = transactions.reads();
        return views(reads, store.latestOfPool(reads, pool));
    }

    public List<SuggestionView> historyOfPool(String pool, int limit) {
        Sql reads = transactions.reads();
        return views(reads, store.ofPool(reads, pool, limit));
    }

    private List<SuggestionView> views(Sql reads, List<RebalanceStore.Kept> kept) {
        Map<String, Optional<RebalanceStore.SeenPosition>> seen = new HashMap<>();
        return kept.stream().map(k -> view(reads, k,
                seen.computeIfAbsent(k.positionKey(), key -> store.position(reads, key)).orElse(null))).toList();
    }

    private SuggestionView view(Sql reads, RebalanceStore.Kept k, RebalanceStore.SeenPosition position) {
        RebalanceStore.Status status = k.status();
        if (status == RebalanceStore.Status.OPEN && position != null && position.closedAt() != null
                && position.closedAt().plus(FollowUpRule.WINDOW).isBefore(clock.instant())) {
            status = RebalanceStore.Status.NOT_FOLLOWED;
        }
        FollowUpOutcome outcome = status == RebalanceStore.Status.FOLLOWED ? outcome(reads, k).orElse(null) : null;
        return new SuggestionView(k.id(), k.batchId(), k.positionKey(), k.pool(), k.createdAt(), k.riskLevel(),
                k.tickLower(), k.tickUpper(), k.tick(), k.currentLower(), k.currentUpper(), k.expectedFeeApr(),
                k.ilRisk(), k.confidence(), k.regime(), status, k.followedBy(), k.followedAt(), outcome);
    }

    /** How a followed suggestion did so far: the new position's figures now against the old range left alone. */
    private Optional<FollowUpOutcome> outcome(Sql reads, RebalanceStore.Kept k) {
        Optional<StrategyRecord> newer = strategies.one(reads, k.followedBy()).filter(StrategyRecord::hasLp);
        Optional<RebalanceStore.SeenPosition> mint = store.position(reads, k.followedBy());
        if (newer.isEmpty() || mint.isEmpty() || mint.get().sqrtPriceX96() == null
                || newer.get().sqrtPriceX96() == null) {
            return Optional.empty();
        }
        StrategyRecord n = newer.get();
        Instant since = mint.get().mintedAt();
        Instant asOf = n.valuedAt() == null ? since : n.valuedAt();
        List<Bar> barsSince = asOf.isAfter(since) ? bars.bars(reads, k.pool(), BarInterval.M1, since, asOf) : List.of();
        return Optional.of(FollowUpOutcome.of(new FollowUpOutcome.NewPosition(n.deposited0(), n.deposited1(),
                n.amount0(), n.amount1(), n.uncollected0(), n.uncollected1(), n.withdrawn0(), n.withdrawn1(),
                n.feesCollected0(), n.feesCollected1(), mint.get().sqrtPriceX96(), n.sqrtPriceX96(), since, asOf),
                k.currentLower(), k.currentUpper(), k.feePips(), barsSince));
    }

    private String write(RebalancePlan plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rebalance plan did not serialise", e);
        }
    }
}
