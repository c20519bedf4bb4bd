package io.tideline.e2e.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrendTest {

    @Test
    void aSawToothAfterTheWarmUpIsSteady() {
        assertThat(Trend.of(List.of(10L, 300L, 250L, 200L, 260L, 210L, 255L, 205L, 240L, 220L), 3))
                .isEqualTo(Trend.Verdict.STEADY);
    }

    @Test
    void aRiseThroughTheLastThirdIsGrowing() {
        assertThat(Trend.of(List.of(1L, 1L, 1L, 100L, 110L, 120L, 130L, 140L, 150L, 160L, 170L, 180L), 3))
                .isEqualTo(Trend.Verdict.GROWING);
    }

    @Test
    void aFewMinutesAreNoVerdict() {
        assertThat(Trend.of(List.of(1L, 2L, 3L, 4L), 3)).isEqualTo(Trend.Verdict.TOO_SHORT);
    }
}
