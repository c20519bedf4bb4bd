package io.tideline.analytics.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrategyValuationTest {

    static final TokenPair WETH_USDC = new TokenPair("WETH", 18, "USDC", 6, TokenPair.Dollar.TOKEN1);
    static final TokenPair USDC_WETH = new TokenPair("USDC", 6, "WETH", 18, TokenPair.Dollar.TOKEN0);

    static BigInteger weth(String human) {
        return new BigDecimal(human).movePointRight(18).toBigIntegerExact();
    }

    static BigInteger usdc(String human) {
        return new BigDecimal(human).movePointRight(6).toBigIntegerExact();
    }

    @Test
    void hedgedLpPositionByHand() {
        // deposited 1 WETH + 2000 USDC at 2000 (cost 4000); now at 2100 it holds 0.95 WETH + 2100 USDC, owes
        // 0.01 WETH + 5 USDC of fees; a 1 ETH short opened at 2000 with a fee of 1
        LpHoldings lp = new LpHoldings(WETH_USDC, weth("0.95"), usdc("2100"), weth("0.01"), usdc("5"), weth("1"),
                usdc("2000"), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                new BigDecimal("4000"), new BigDecimal("2100"));
        HedgeBook hedge = HedgeBook.EMPTY.fill(TradeSide.SELL, BigDecimal.ONE, new BigDecimal("2000"), BigDecimal.ONE);

        Figures f = StrategyValuation.figures(new StrategyState(lp, hedge, new BigDecimal("2100"), null, null,
                BigDecimal.ZERO, BigDecimal.ZERO));

        assertThat(f.feesEarned()).isEqualByComparingTo("26");          // 0.01 × 2100 + 5
        assertThat(f.impermanentLoss()).isEqualByComparingTo("-5");     // 0.95 × 2100 + 2100 − (2100 + 2000)
        assertThat(f.parts().market()).isEqualByComparingTo("100");     // V(1, 2000) at 2100 − 4000
        assertThat(f.hedgeUnrealized()).isEqualByComparingTo("-100");   // −1 × (2100 − 2000)
        assertThat(f.feesPaid()).isEqualByComparingTo("-1");
        assertThat(f.value()).isEqualByComparingTo("4021");             // 4095 + 26 − 100
        assertThat(f.totalPnl()).isEqualByComparingTo("20");            // 121 − 100 − 1
        assertThat(f.parts().total()).isEqualTo(f.totalPnl());
        assertThat(f.totalPnl().scale()).isEqualTo(Money.SCALE);
        assertThat(f.notes()).contains(StrategyValuation.FUNDING_NOT_REPORTED, StrategyValuation.GAS_UNKNOWN);
    }

    @Test
    void partsSumToTheTotalExactlyWhenDollarConversionRounds() {
        Random random = new Random(2026);
        for (int i = 0; i < 2000; i++) {
            BigDecimal price = new BigDecimal(random.nextInt(1, 1_000_000)).movePointLeft(9); // WETH per USDC
            BigInteger d0 = usdc(Integer.toString(random.nextInt(1, 100_000)));
            BigInteger d1 = BigInteger.valueOf(random.nextLong(1, Long.MAX_VALUE)).multiply(BigInteger.valueOf(97));
            LpHoldings lp = new LpHoldings(USDC_WETH, d0.divide(BigInteger.valueOf(3)), d1.divide(BigInteger.TWO),
                    BigInteger.valueOf(random.nextInt(1000)), BigInteger.valueOf(random.nextLong(1, 1L << 50)),
                    d0, d1, d0.divide(BigInteger.valueOf(7)), BigInteger.ZERO, BigInteger.valueOf(random.nextInt(99)),
                    BigInteger.valueOf(random.nextLong(1, 1L << 40)),
                    new BigDecimal(random.nextInt(1, 1_000_000)).movePointLeft(3), price);
            Figures f = StrategyValuation.figures(new StrategyState(lp, null, null, null, null, Money.ZERO,
                    Money.ZERO));

            assertThat(f.parts().total()).isEqualTo(f.totalPnl());
            // the market part is V(deposited) − cost up to the residual of rounding the other figures (≤ 3 units)
            BigDecimal direct = USDC_WETH.token1InDollars(USDC_WETH.valueInToken1(d0, d1, price), price)
                    .subtract(lp.cost());
            assertThat(f.parts().market().subtract(direct).abs())
                    .isLessThanOrEqualTo(new BigDecimal("3e-18"));
        }
    }

    @Test
    void hedgeBookRealizesOnReducingFillsAndFlipsPastZero() {
        HedgeBook b = HedgeBook.EMPTY
                .fill(TradeSide.SELL, new BigDecimal("2"), new BigDecimal("2000"), BigDecimal.ONE)
                .fill(TradeSide.BUY, new BigDecimal("0.5"), new BigDecimal("1900"), new BigDecimal("0.5"));
        assertThat(b.realized()).isEqualByComparingTo("50");
        assertThat(b.openQuantity()).isEqualByComparingTo("-1.5");
        assertThat(b.averagePrice()).isEqualByComparingTo("2000");

        b = b.fill(TradeSide.BUY, new BigDecimal("2"), new BigDecimal("2100"), BigDecimal.ONE);
        assertThat(b.realized()).isEqualByComparingTo("-100");          // 50 + 1.5 × (2000 − 2100)
        assertThat(b.openQuantity()).isEqualByComparingTo("0.5");
        assertThat(b.openCost()).isEqualByComparingTo("1050");
        assertThat(b.fees()).isEqualByComparingTo("2.5");
        assertThat(b.unrealizedAt(new BigDecimal("2200"))).isEqualByComparingTo("50");
    }

    @Test
    void aShortClosedInThirdsKeepsEveryUnitOfItsCost() {
        HedgeBook b = HedgeBook.EMPTY.fill(TradeSide.SELL, new BigDecimal("3"), new BigDecimal("1000.01"),
                BigDecimal.ZERO);
        for (int i = 0; i < 3; i++) {
            b = b.fill(TradeSide.BUY, BigDecimal.ONE, new BigDecimal("1000"), BigDecimal.ZERO);
        }
        assertThat(b.openQuantity()).isEqualByComparingTo("0");
        assertThat(b.openCost()).isEqualByComparingTo("0");
        assertThat(b.realized()).isEqualByComparingTo("0.03");
    }
}
