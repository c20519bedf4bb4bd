package io.tideline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ExactNumbersTest {

    private static final String MAX_UINT256 =
            "115792089237316195423570985008687907853269984665640564039457584007913129639935";

    @Test
    void readsAmountsUpToAUint256() {
        assertThat(ExactNumbers.integer(MAX_UINT256)).isEqualTo(BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
        assertThat(ExactNumbers.integer("1E+3")).isEqualTo(BigInteger.valueOf(1000));
        assertThatThrownBy(() -> ExactNumbers.integer(MAX_UINT256 + "0"))
                .hasMessage("has more than 78 digits before the point");
        assertThatThrownBy(() -> ExactNumbers.integer("1.5")).hasMessage("is not an integer");
    }

    @Test
    void refusesHugeExponentsBeforeExpandingThem() {
        assertThatThrownBy(() -> ExactNumbers.decimal("1E+600000000"))
                .hasMessage("has more than 78 digits before the point");
        assertThatThrownBy(() -> ExactNumbers.integer("1E+600000000"))
                .hasMessage("has more than 78 digits before the point");
        assertThatThrownBy(() -> ExactNumbers.decimal("1E-600000000")).hasMessage("has more than 36 decimals");
        assertThat(ExactNumbers.decimal("0E-600000000")).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void keepsTheScaleOfWhatItAccepts() {
        assertThat(ExactNumbers.decimal("2500.1250").scale()).isEqualTo(4);
        assertThat(ExactNumbers.decimal("0.100000000000000000000000000000000000")).isEqualByComparingTo("0.1");
        assertThat(ExactNumbers.decimal("-3.5")).isEqualByComparingTo("-3.5");
        assertThatThrownBy(() -> ExactNumbers.decimal("1".repeat(101))).hasMessage("has more than 100 characters");
        assertThatThrownBy(() -> ExactNumbers.decimal("abc")).hasMessage("is not a decimal number");
    }

    @Test
    void eventDecodingUsesTheSameBounds() {
        record Amounts(BigInteger amount, BigDecimal price) {
        }
        assertThatThrownBy(() -> EventJson.mapper().readValue("{\"amount\":\"1E+600000000\",\"price\":\"1\"}",
                Amounts.class)).isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("has more than 78 digits before the point");
        assertThatThrownBy(() -> EventJson.mapper().readValue("{\"amount\":\"1\",\"price\":1E+600000000}",
                Amounts.class)).isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> EventJson.mapper().readValue("{\"amount\":1E+600000000,\"price\":\"1\"}",
                Amounts.class)).isInstanceOf(InvalidFormatException.class);
    }
}
