package io.tideline.analytics.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.analytics.portfolio.Figures;
import io.tideline.analytics.portfolio.HedgeBook;
import io.tideline.analytics.portfolio.LpHoldings;
import io.tideline.analytics.portfolio.Money;
import io.tideline.analytics.portfolio.StrategyState;
import io.tideline.analytics.portfolio.StrategyValuation;
import io.tideline.analytics.portfolio.TokenPair;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributionTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-08T00:00:00Z");

    @Test
    void windowPartsByHand() {
        Attribution.Cumulative start = cumulative("2000", "1", "1000");
        Attribution.Cumulative end = cumulative("2100", "1.2", "1010");
        Attribution a = Attribution.between("s", FROM, TO, start, end);
        Figures f0 = figures("2000", "1", "1000");
        Figures f1 = figures("2100", "1.2", "1010");
        assertThat(a.parts().fees()).isEqualByComparingTo(f1.feesEarned().subtract(f0.feesEarned()));
        assertThat(a.total()).isEqualByComparingTo(f1.totalPnl().subtract(f0.totalPnl()));
        assertThat(a.unexplained()).isEqualByComparingTo("0");
    }

    @Test
    void partsSumToTheTotalToTheLastUnitForEveryStrategyAndTheDesk() {
        Random random = new Random(99);
        List<Attribution> strategies = new ArrayList<>();
        BigDecimal deskTotal = Money.ZERO;
        for (int i = 0; i < 300; i++) {
            String p0 = new BigDecimal(random.nextInt(1000, 4000)).add(new BigDecimal(random.nextInt(1_000_000_000))
                    .movePointLeft(9)).toPlainString();
            String p1 = new BigDecimal(random.nextInt(1000, 4000)).add(new BigDecimal(random.nextInt(1_000_000_000))
                    .movePointLeft(13)).toPlainString();
            String fees = new BigDecimal(random.nextInt(1, 10_000)).movePointLeft(7).toPlainString();
            Attribution a = Attribution.between("s" + i, FROM, TO, cumulative(p0, "0.3", "100"),
                    cumulative(p1, fees, "103.3333333"));
            assertThat(a.unexplained()).isZero();
            assertThat(a.parts().total()).isEqualTo(a.total());
            strategies.add(a);
            deskTotal = deskTotal.add(a.total());
        }
        Attribution desk = Attribution.sum("desk", FROM, TO, strategies);
        assertThat(desk.parts().total()).isEqualTo(desk.total());
        assertThat(desk.total()).isEqualTo(deskTotal);
        assertThat(desk.total().scale()).isEqualTo(Money.SCALE);
    }

    /** A USDC/WETH position (dollar conversion divides, so figures round) with a short hedge and a venue mark. */
    private static Figures figures(String usdPerEth, String hedgeFee, String costDollars) {
        TokenPair pair = new TokenPair("USDC", 6, "WETH", 18, TokenPair.Dollar.TOKEN0);
        BigDecimal price = BigDecimal.ONE.divide(new BigDecimal(usdPerEth), 30, java.math.RoundingMode.HALF_EVEN);
        LpHoldings lp = new LpHoldings(pair, BigInteger.valueOf(500_123_457L), new BigInteger("250000000000000007"),
                BigInteger.valueOf(1_234_567L), new BigInteger("1000000000000003"), BigInteger.valueOf(1_000_000_000L),
                new BigInteger("200000000000000000"), BigInteger.valueOf(3_000_001L), BigInteger.ZERO,
                BigInteger.valueOf(77L), BigInteger.ZERO, new BigDecimal(costDollars), price);
        HedgeBook hedge = HedgeBook.EMPTY.fill(TradeSide.SELL, new BigDecimal("0.25"), new BigDecimal("2000.5"),
                new BigDecimal(hedgeFee));
        return StrategyValuation.figures(new StrategyState(lp, hedge, new BigDecimal(usdPerEth), null, null,
                new BigDecimal("1.000000000000000001"), BigDecimal.ZERO));
    }

    private static Attribution.Cumulative cumulative(String usdPerEth, String hedgeFee, String cost) {
        Figures f = figures(usdPerEth, hedgeFee, cost);
        return new Attribution.Cumulative(f.parts(), f.totalPnl());
    }
}
