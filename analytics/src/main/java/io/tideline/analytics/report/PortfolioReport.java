package io.tideline.analytics.report;

import io.tideline.analytics.attribution.Attribution;
import io.tideline.analytics.portfolio.Figures;
import io.tideline.analytics.risk.RiskMetrics;
import io.tideline.analytics.snapshot.Level;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A period's report of one scope (the desk, a book, a strategy): its figures at the period's end, the attribution of
 * its P&amp;L over the period, its value series with drawdowns, and its risk (hourly returns).
 */
public record PortfolioReport(Level level, String scope, Instant from, Instant to, Instant generatedAt,
                              Figures figures, Attribution attribution, List<Point> series, RiskMetrics risk) {

    /** One snapshot of the series. */
    public record Point(Instant at, BigDecimal value, BigDecimal totalPnl, double drawdown) {
    }
}
