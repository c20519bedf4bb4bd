package io.tideline.e2e.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen's dollar format, against the figures the dashboard's own browser test expects for the same strings. */
class DollarsTest {

    @Test
    void amountsRoundHalfAwayFromZeroWithGroupedThousands() {
        // a double would give $9,007,199,254,740,992.00 (the dashboard test's vector)
        assertThat(Dollars.amount("9007199254740993.005")).isEqualTo("$9,007,199,254,740,993.01");
        assertThat(Dollars.amount("-12.005")).isEqualTo("-$12.01");
        assertThat(Dollars.amount("0.004")).isEqualTo("$0.00");
    }

    @Test
    void pnlCarriesItsSignAndNothingIsUnsigned() {
        assertThat(Dollars.pnl("1234.5")).isEqualTo("+$1,234.50");
        assertThat(Dollars.pnl("-750.055")).isEqualTo("-$750.06");
        assertThat(Dollars.pnl("-0.004")).isEqualTo("$0.00");
        assertThat(Dollars.pnl("15.00000000000000")).isEqualTo("+$15.00");
    }
}
