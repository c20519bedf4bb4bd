package io.tideline.settlement.session;

import io.tideline.settlement.takeprofit.BuyPosition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A session's open inventory valued at the last prices: unrealized P&L = sum of open quantity x (last - entry) over
 * its buy positions not yet sold by take-profits (a resting take-profit does not limit the loss, so positions with one
 * count too). Pairs without a last price are left out and listed. Money at {@value #SCALE} decimals, half-even.
 */
public record SessionExposure(String sessionId, BigDecimal unrealizedPnl, Map<String, BigDecimal> pnlByPair,
                              List<String> pairsWithoutPrice) {

    public static final int SCALE = 8;

    public static SessionExposure of(String sessionId, List<BuyPosition> positions, Map<String, BigDecimal> lastPrices) {
        Map<String, BigDecimal> byPair = new TreeMap<>();
        List<String> unpriced = new ArrayList<>();
        for (BuyPosition p : positions) {
            BigDecimal last = lastPrices.get(p.pair());
            if (last == null) {
                if (!unpriced.contains(p.pair())) {
                    unpriced.add(p.pair());
                }
                continue;
            }
            byPair.merge(p.pair(), p.openQuantity().multiply(last.subtract(p.entryPrice())), BigDecimal::add);
        }
        byPair.replaceAll((pair, pnl) -> pnl.setScale(SCALE, RoundingMode.HALF_EVEN));
        BigDecimal total = byPair.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(SCALE, RoundingMode.HALF_EVEN);
        return new SessionExposure(sessionId, total, byPair, unpriced);
    }

    /** The loss: minus the unrealized P&L when negative, else zero. */
    public BigDecimal loss() {
        return unrealizedPnl.signum() < 0 ? unrealizedPnl.negate() : BigDecimal.ZERO.setScale(SCALE);
    }

    /**
     * Whether the stop-loss trips: the loss exceeds {@code maxLoss} beyond what was acknowledged last (so after an
     * acknowledgement it trips again only when a further {@code maxLoss} is lost).
     */
    public boolean breaches(BigDecimal maxLoss, BigDecimal acknowledgedLoss) {
        return loss().compareTo(acknowledgedLoss.add(maxLoss)) > 0;
    }
}
