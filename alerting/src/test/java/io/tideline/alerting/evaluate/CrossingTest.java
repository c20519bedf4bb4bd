package io.tideline.alerting.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.alerting.evaluate.PriceEvaluation.Crossing;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CrossingTest {

    private static final BigDecimal LEVEL = new BigDecimal("2500.00");

    @Test
    void upIsFromBelowToAtOrAboveAndDownFromAboveToAtOrBelow() {
        assertThat(Crossing.of(new BigDecimal("2499.99"), new BigDecimal("2500"), LEVEL)).isEqualTo(Crossing.UP);
        assertThat(Crossing.of(new BigDecimal("2400"), new BigDecimal("2600"), LEVEL)).isEqualTo(Crossing.UP);
        assertThat(Crossing.of(new BigDecimal("2500.01"), new BigDecimal("2500.000"), LEVEL))
                .isEqualTo(Crossing.DOWN);
        assertThat(Crossing.of(new BigDecimal("2600"), new BigDecimal("2400"), LEVEL)).isEqualTo(Crossing.DOWN);
    }

    @Test
    void movesOnOneSideOrFromTheLevelAwayAreNoCrossing() {
        assertThat(Crossing.of(new BigDecimal("2400"), new BigDecimal("2499.99"), LEVEL)).isEqualTo(Crossing.NONE);
        assertThat(Crossing.of(new BigDecimal("2600"), new BigDecimal("2500.01"), LEVEL)).isEqualTo(Crossing.NONE);
        assertThat(Crossing.of(new BigDecimal("2500"), new BigDecimal("2600"), LEVEL)).isEqualTo(Crossing.NONE);
        assertThat(Crossing.of(new BigDecimal("2500"), new BigDecimal("2400"), LEVEL)).isEqualTo(Crossing.NONE);
    }
}
