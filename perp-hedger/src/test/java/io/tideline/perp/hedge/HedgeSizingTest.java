package io.tideline.perp.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class HedgeSizingTest {

    @Test
    void rawAmountsBecomeWholeTokensExactly() {
        assertThat(HedgeSizing.tokens(new BigInteger("1234567890123456789"), 18))
                .isEqualByComparingTo("1.234567890123456789");
        assertThat(HedgeSizing.tokens(new BigInteger("2500000001"), 6)).isEqualByComparingTo("2500.000001");
    }

    @Test
    void quantityIsExposureTimesRatioToTheNearestStep() {
        BigDecimal step = new BigDecimal("0.001");
        assertThat(HedgeSizing.quantity(new BigDecimal("1.234567"), BigDecimal.ONE, step))
                .isEqualByComparingTo("1.235");
        assertThat(HedgeSizing.quantity(new BigDecimal("1.2344"), BigDecimal.ONE, step))
                .isEqualByComparingTo("1.234");
        assertThat(HedgeSizing.quantity(new BigDecimal("2"), new BigDecimal("0.5"), step))
                .isEqualByComparingTo("1");
        // half-even: exactly between two steps goes to the even one
        assertThat(HedgeSizing.quantity(new BigDecimal("0.0125"), BigDecimal.ONE, new BigDecimal("0.01")))
                .isEqualByComparingTo("0.01");
        assertThat(HedgeSizing.quantity(new BigDecimal("0.0004"), BigDecimal.ONE, step)).isZero();
    }

    @Test
    void marketPriceIsThePoolPriceOrItsInverse() {
        // WETH/USDC with WETH as token0: token1 per token0 is already USD per ETH
        assertThat(HedgeSizing.marketPrice(new BigDecimal("2500"), true)).isEqualByComparingTo("2500");
        // USDC/WETH (USDC is token0, as on mainnet): the pool says WETH per USDC
        assertThat(HedgeSizing.marketPrice(new BigDecimal("0.0004"), false)).isEqualByComparingTo("2500");
        assertThat(HedgeSizing.marketPrice(new BigDecimal("0.0003"), false))
                .isEqualByComparingTo("3333.333333333333333333");
    }
}
