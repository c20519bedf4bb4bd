package io.tideline.lp.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.lp.PositionRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValuationPolicyTest {

    private static final Instant VALUED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant SOON_AFTER = VALUED.plusSeconds(12);
    private static final BigInteger SQRT_PRICE = BigInteger.valueOf(10_000);
    private static final ValuationPolicy TEN_BP = new ValuationPolicy(Duration.ofSeconds(60), new BigDecimal("0.001"));

    @Test
    void aSwapBelowTheThresholdDoesNotRevalue() {
        // price ratio (10004 / 10000)^2 = 1.00080016: 8 bp up
        assertThat(TEN_BP.isDue(valuedAt(SQRT_PRICE), false, true, sqrtPrice(10_004), SOON_AFTER)).isFalse();
    }

    @Test
    void aSwapOfTheThresholdOrMoreRevalues() {
        // (10005 / 10000)^2 = 1.00100025: just over 10 bp up
        assertThat(TEN_BP.isDue(valuedAt(SQRT_PRICE), false, true, sqrtPrice(10_005), SOON_AFTER)).isTrue();
        // (101 / 100)^2 − 1 = 0.0201 exactly: at the threshold counts
        ValuationPolicy threshold = new ValuationPolicy(Duration.ofSeconds(60), new BigDecimal("0.0201"));
        assertThat(threshold.isDue(valuedAt(BigInteger.valueOf(100)), false, true, sqrtPrice(101), SOON_AFTER)).isTrue();
    }

    @Test
    void measuresThePriceNotTheSqrtPrice() {
        // sqrt price 5 bp down, price (9995 / 10000)^2 = 0.99900025: 9.9975 bp down, under the threshold
        assertThat(TEN_BP.isDue(valuedAt(SQRT_PRICE), false, true, sqrtPrice(9_995), SOON_AFTER)).isFalse();
        // (9994 / 10000)^2 = 0.99880036: 12 bp down
        assertThat(TEN_BP.isDue(valuedAt(SQRT_PRICE), false, true, sqrtPrice(9_994), SOON_AFTER)).isTrue();
    }

    @Test
    void measuresFromThePriceOfTheLastValuation() {
        // (10006 / 10000)^2 = 1.0012 but (10006 / 10003)^2 = 1.0006
        assertThat(TEN_BP.isDue(valuedAt(SQRT_PRICE), false, true, sqrtPrice(10_006), SOON_AFTER)).isTrue();
        assertThat(TEN_BP.isDue(valuedAt(sqrtPrice(10_003)), false, true, sqrtPrice(10_006), SOON_AFTER)).isFalse();
    }

    @Test
    void aZeroThresholdRevaluesOnEveryPriceMove() {
        ValuationPolicy everyMove = new ValuationPolicy(Duration.ofSeconds(60), BigDecimal.ZERO);

        assertThat(everyMove.isDue(valuedAt(SQRT_PRICE), false, true, sqrtPrice(10_000), SOON_AFTER)).isTrue();
        assertThat(everyMove.isDue(valuedAt(SQRT_PRICE), false, false, sqrtPrice(10_000), SOON_AFTER)).isFalse();
    }

    @Test
    void aPoolWithoutSwapsRevaluesNothingWhateverItsPrice() {
        assertThat(TEN_BP.isDue(valuedAt(SQRT_PRICE), false, false, sqrtPrice(20_000), SOON_AFTER)).isFalse();
    }

    @Test
    void changedPositionsAreDueWhateverThePrice() {
        assertThat(TEN_BP.isDue(valuedAt(SQRT_PRICE), true, false, SQRT_PRICE, SOON_AFTER)).isTrue();
        assertThat(TEN_BP.isDue(valuedAt(SQRT_PRICE), true, true, sqrtPrice(10_001), SOON_AFTER)).isTrue();
    }

    @Test
    void aValuationAsOldAsTheIntervalIsDue() {
        assertThat(TEN_BP.isDue(valuedAt(SQRT_PRICE), false, false, SQRT_PRICE, VALUED.plusSeconds(59))).isFalse();
        assertThat(TEN_BP.isDue(valuedAt(SQRT_PRICE), false, false, SQRT_PRICE, VALUED.plusSeconds(60))).isTrue();
    }

    @Test
    void aPositionNeverValuedIsDue() {
        assertThat(TEN_BP.isDue(active(), false, false, SQRT_PRICE, SOON_AFTER)).isTrue();
    }

    @Test
    void aPriceMoveRevaluesAPositionStoredWithoutItsValuationPrice() {
        Position position = active();
        position.lastValuedAt = VALUED;

        assertThat(TEN_BP.isDue(position, false, true, sqrtPrice(10_001), SOON_AFTER)).isTrue();
        assertThat(TEN_BP.isDue(position, false, false, sqrtPrice(10_001), SOON_AFTER)).isFalse();
    }

    @Test
    void positionsWithoutLiquidityOrNotFollowedAreNeverDue() {
        Position closed = active();
        closed.status = PositionStatus.CLOSED;
        Position burned = active();
        burned.burned = true;

        assertThat(TEN_BP.isDue(closed, true, true, sqrtPrice(20_000), SOON_AFTER)).isFalse();
        assertThat(TEN_BP.isDue(burned, true, true, sqrtPrice(20_000), SOON_AFTER)).isFalse();
    }

    private static Position valuedAt(BigInteger sqrtPriceX96) {
        Position position = active();
        position.markValued(VALUED, sqrtPriceX96, null);
        return position;
    }

    private static Position active() {
        Position position = new Position(new PositionRef(31337, "0x00000000000000000000000000000000000000aa", "1"),
                "0x00000000000000000000000000000000000000bb", "0x00000000000000000000000000000000000000cc", -600, 600,
                1);
        position.status = PositionStatus.ACTIVE;
        return position;
    }

    private static BigInteger sqrtPrice(long value) {
        return BigInteger.valueOf(value);
    }
}
