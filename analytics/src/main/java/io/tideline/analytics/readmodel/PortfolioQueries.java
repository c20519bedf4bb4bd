package io.tideline.analytics.readmodel;

import io.tideline.analytics.portfolio.Portfolio;
import io.tideline.analytics.portfolio.StrategyValuation;
import io.tideline.messaging.tx.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The portfolio now, computed from the read model alone (strategies and the latest marks). */
@ApplicationScoped
public class PortfolioQueries {

    private final StrategyStore strategies;
    private final PriceMarks prices;

    public PortfolioQueries(StrategyStore strategies, PriceMarks prices) {
        this.strategies = strategies;
        this.prices = prices;
    }

    public Portfolio now(Sql sql, Instant at) {
        Map<String, BigDecimal> marks = prices.all(sql);
        List<Portfolio.StrategyFigures> figures = strategies.all(sql).stream()
                .map(s -> figures(s, marks)).toList();
        return Portfolio.of(at, figures);
    }

    public List<StrategyRecord> records(Sql sql) {
        return strategies.all(sql);
    }

    public Map<String, BigDecimal> marks(Sql sql) {
        return prices.all(sql);
    }

    static Portfolio.StrategyFigures figures(StrategyRecord s, Map<String, BigDecimal> marks) {
        BigDecimal mark = s.hedgeMarket() == null ? null : marks.get(s.hedgeMarket());
        return new Portfolio.StrategyFigures(s.strategyId(), s.book(), s.name(), s.status(), s.correlationId(),
                s.pool(), s.hedgeMarket(), StrategyValuation.figures(s.state(mark)));
    }
}
