package io.tideline.analytics.attribution;

import io.tideline.analytics.portfolio.PnlParts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;

/**
 * P&amp;L over a window, by part: the change of each cumulative part between the window's start and end. Parts are
 * figures at {@link io.tideline.analytics.portfolio.Money#SCALE}, so the differences and their sum are exact and
 * {@code parts.total() == total} to the last unit.
 *
 * @param total the change of the independently computed total P&amp;L over the window
 */
public record Attribution(String scope, Instant from, Instant to, PnlParts parts, BigDecimal total) {

    /** The window between two cumulative readings of one scope. */
    public static Attribution between(String scope, Instant from, Instant to, Cumulative start, Cumulative end) {
        return new Attribution(scope, from, to, end.parts().minus(start.parts()),
                end.totalPnl().subtract(start.totalPnl()));
    }

    /** The sum of several scopes' attributions over the same window (strategies into a book or the desk). */
    public static Attribution sum(String scope, Instant from, Instant to, Collection<Attribution> parts) {
        PnlParts p = PnlParts.ZERO;
        BigDecimal total = io.tideline.analytics.portfolio.Money.ZERO;
        for (Attribution a : parts) {
            p = p.plus(a.parts());
            total = total.add(a.total());
        }
        return new Attribution(scope, from, to, p, total);
    }

    /** The total minus the sum of the parts: zero by construction, and the tests hold it to that. */
    public BigDecimal unexplained() {
        return total.subtract(parts.total());
    }

    /** A cumulative reading: the parts and the independently computed total P&amp;L at one moment. */
    public record Cumulative(PnlParts parts, BigDecimal totalPnl) {
        public static final Cumulative ZERO = new Cumulative(PnlParts.ZERO,
                io.tideline.analytics.portfolio.Money.ZERO);
    }
}
