package io.tideline.alerting.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Figures checked by hand: 2 WETH + 5,000 USDC at 2,500 USDC per WETH is worth 10,000 USDC. */
class PositionMoneyTest {

    @Test
    void valuesInToken1WithDecimalsAppliedExactly() {
        BigDecimal weth = PositionMoney.tokens(new BigInteger("2000000000000000000"), 18);
        BigDecimal usdc = PositionMoney.tokens(new BigInteger("5000000000"), 6);

        assertThat(weth).isEqualByComparingTo("2");
        assertThat(PositionMoney.valueInToken1(weth, usdc, new BigDecimal("2500")))
                .isEqualTo(new BigDecimal("10000.000000000000000000"));
        assertThat(PositionMoney.valueInToken1(PositionMoney.tokens(BigInteger.ONE, 18), BigDecimal.ZERO,
                new BigDecimal("2500"))).isEqualTo(new BigDecimal("0.000000000000002500"));
    }

    @Test
    void aLossIsTheNegatedImpermanentLossAndAGainIsNoLoss() {
        assertThat(PositionMoney.loss(new BigDecimal("-512.5"))).isEqualByComparingTo("512.5");
        assertThat(PositionMoney.loss(new BigDecimal("3"))).isEqualByComparingTo("0");
    }

    @Test
    void percentOfCostHasFourPlacesHalfEvenAndNoneForNoCost() {
        assertThat(PositionMoney.percentOf(new BigDecimal("512.5"), new BigDecimal("10000")))
                .contains(new BigDecimal("5.1250"));
        assertThat(PositionMoney.percentOf(BigDecimal.ONE, new BigDecimal("3"))).contains(new BigDecimal("33.3333"));
        assertThat(PositionMoney.percentOf(BigDecimal.ONE, BigDecimal.ZERO)).isEmpty();
    }

    @Test
    void theHedgedTokenIsTheOneWhoseSymbolEndsWithTheMarketBase() {
        WatchedPosition p = WatchedPosition.unknown("k").minted("0xo", "1:0xp", "TUSDC", "TWETH", 6, 18,
                BigDecimal.TEN, null, new BigDecimal("5000"), new BigDecimal("2"));

        assertThat(PositionMoney.hedgedTokenHolding(p, "ETH-USD")).contains(new BigDecimal("2"));
        assertThat(PositionMoney.hedgedTokenHolding(p, "BTC-USD")).isEmpty();
        assertThat(PositionMoney.driftPercent(new BigDecimal("2"), new BigDecimal("1.7")))
                .contains(new BigDecimal("15.0000"));
    }
}
