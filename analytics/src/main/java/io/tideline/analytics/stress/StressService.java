package io.tideline.analytics.stress;

import io.tideline.amm.TickMath;
import io.tideline.analytics.readmodel.PortfolioQueries;
import io.tideline.analytics.readmodel.StrategyRecord;
import io.tideline.messaging.tx.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stress tests of the desk's open LP positions with their hedges, from the read model. */
@ApplicationScoped
public class StressService {

    private final PortfolioQueries portfolio;

    public StressService(PortfolioQueries portfolio) {
        this.portfolio = portfolio;
    }

    /** Each open LP strategy (or one, when {@code strategyId} is given) under each shock. */
    public List<StressResult> run(Sql sql, String strategyId, List<BigDecimal> shocks) {
        Map<String, BigDecimal> marks = portfolio.marks(sql);
        List<StressResult> out = new ArrayList<>();
        for (StrategyRecord s : portfolio.records(sql)) {
            if (!s.hasLp() || !"OPEN".equals(s.status()) || s.tickLower() == null
                    || (strategyId != null && !strategyId.equals(s.strategyId()))) {
                continue;
            }
            out.addAll(StressTest.run(shape(s, marks), shocks));
        }
        return out;
    }

    static LpShape shape(StrategyRecord s, Map<String, BigDecimal> marks) {
        BigDecimal mark = s.hedgeMarket() == null ? null : marks.get(s.hedgeMarket());
        if (mark == null && s.hedge() != null) {
            mark = s.tokens().volatilePriceInDollars(s.price());
        }
        return new LpShape(s.strategyId(), s.tokens(), TickMath.getSqrtRatioAtTick(s.tickLower()),
                TickMath.getSqrtRatioAtTick(s.tickUpper()), s.liquidity(), s.price(), s.uncollected0(),
                s.uncollected1(), s.hedge(), mark);
    }
}
