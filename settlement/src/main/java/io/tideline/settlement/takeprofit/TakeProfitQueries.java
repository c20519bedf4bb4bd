package io.tideline.settlement.takeprofit;

import io.tideline.messaging.tx.Transactions;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.pricing.PairCatalogue;
import io.tideline.settlement.pricing.TakeProfitPricing;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Positions and take-profit orders as the API shows them. */
@ApplicationScoped
public class TakeProfitQueries {

    /** Sessions whose positions are listed when no session is named: the latest active ones, at most this many. */
    private static final int MAX_SESSIONS = 10_000;

    /**
     * A buy fill's inventory: {@code openQuantity} not yet sold by take-profits, {@code uncoveredQuantity} of it that
     * no live take-profit offers, its age tier now and the take-profit price for that tier.
     */
    public record PositionView(String sessionId, String pair, String venue, String orderId, String tradeId,
                               BigDecimal entryPrice, BigDecimal quantity, Instant filledAt, BigDecimal openQuantity,
                               BigDecimal uncoveredQuantity, int ageTier, BigDecimal takeProfitPrice,
                               String liveTakeProfit) {
    }

    private final Transactions transactions;
    private final TakeProfitStore store;
    private final TakeProfitPricing pricing;
    private final PairCatalogue pairs;
    private final Duration lookback;

    public TakeProfitQueries(Transactions transactions, TakeProfitStore store, TakeProfitPricing pricing,
            PairCatalogue pairs, SettlementConfig config) {
        this.transactions = transactions;
        this.store = store;
        this.pricing = pricing;
        this.pairs = pairs;
        this.lookback = config.run().lookback();
    }

    /**
     * Open positions of a session (or of the sessions active within the lookback) and/or a pair; {@code uncoveredOnly}
     * keeps those with quantity no live take-profit offers.
     */
    public List<PositionView> positions(String sessionId, String pair, boolean uncoveredOnly, int limit) {
        Instant now = Instant.now();
        List<BuyPosition> open = sessionId != null
                ? store.openPositions(transactions.reads(), List.of(sessionId), pair)
                : store.openPositionsActiveSince(transactions.reads(), now.minus(lookback), MAX_SESSIONS, pair);
        return open.stream().filter(p -> !uncoveredOnly || p.uncoveredQuantity().signum() > 0).limit(limit)
                .map(p -> view(p, now)).toList();
    }

    /** Newest first; each filter optional. */
    public List<TakeProfitOrder> orders(String sessionId, String pair, String state, int limit) {
        return store.orders(transactions.reads(), sessionId, pair, state, limit);
    }

    public Optional<TakeProfitOrder> order(String clientOrderId) {
        return store.order(transactions.reads(), clientOrderId);
    }

    private PositionView view(BuyPosition p, Instant now) {
        int tier = pricing.tiers().tierOf(Duration.between(p.filledAt(), now));
        return new PositionView(p.sessionId(), p.pair(), p.venue(), p.orderId(), p.tradeId(), p.entryPrice(),
                p.quantity(), p.filledAt(), p.openQuantity(), p.uncoveredQuantity(), tier,
                pricing.price(p.entryPrice(), tier, pairs.rules(p.pair())),
                p.live().map(LiveTakeProfit::clientOrderId).orElse(null));
    }
}
