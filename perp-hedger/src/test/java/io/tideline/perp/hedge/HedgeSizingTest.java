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
    void quantityIsExposureTimesRatioRoundedDownToTheStep() {
        BigDecimal step = new BigDecimal("0.001");
        assertThat(HedgeSizing.quantity(new BigDecimal("1.2344"), BigDecimal.ONE, step))
                .isEqualByComparingTo("1.234");
        assertThat(HedgeSizing.quantity(new BigDecimal("2"), new BigDecimal("0.5"), step))
                .isEqualByComparingTo("1");
        assertThat(HedgeSizing.quantity(new BigDecimal("1.5"), BigDecimal.ONE, step)).isEqualByComparingTo("1.5");
        assertThat(HedgeSizing.quantity(new BigDecimal("0.0004"), BigDecimal.ONE, step)).isZero();
    }

    @Test
    void neverRoundsUpPastTheExposure() {
        BigDecimal step = new BigDecimal("0.001");
        // half-even sizing made these 1.235, 0.01 and 0.001: shorts larger than what the position holds
        assertThat(HedgeSizing.quantity(new BigDecimal("1.234567"), BigDecimal.ONE, step))
                .isEqualByComparingTo("1.234");
        assertThat(HedgeSizing.quantity(new BigDecimal("0.0099999"), BigDecimal.ONE, new BigDecimal("0.01")))
                .isZero();
        assertThat(HedgeSizing.quantity(new BigDecimal("0.0006"), BigDecimal.ONE, step)).isZero();
        for (String exposure : new String[] {"0.0005", "1.0009999", "2.4996", "7.77777"}) {
            BigDecimal x = new BigDecimal(exposure);
            assertThat(HedgeSizing.quantity(x, new BigDecimal("0.9"), step))
                    .isLessThanOrEqualTo(x.multiply(new BigDecimal("0.9")));
        }
    }
}
