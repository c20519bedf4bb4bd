package io.tideline.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
    private static final RateLimit THREE_THEN_SIX_A_MINUTE = new RateLimit(3, new BigDecimal("6"));

    @Test
    void grantsItsCapacityAtOnceThenRefusesUntilItRefills() {
        TokenBucket b = TokenBucket.full(THREE_THEN_SIX_A_MINUTE, T0);
        for (int i = 0; i < 3; i++) {
            TokenBucket.Take take = b.take(THREE_THEN_SIX_A_MINUTE, T0);
            assertThat(take.granted()).isTrue();
            b = take.after();
        }
        TokenBucket.Take fourth = b.take(THREE_THEN_SIX_A_MINUTE, T0);
        assertThat(fourth.granted()).isFalse();
        assertThat(fourth.after().tokens()).isEqualByComparingTo("0");
    }

    @Test
    void refillsAtItsRatePerMinuteExactly() {
        TokenBucket empty = new TokenBucket(BigDecimal.ZERO, T0);
        // 6 a minute: one every 10 s; after 9.999999 s not yet one, after 10 s exactly one
        assertThat(empty.take(THREE_THEN_SIX_A_MINUTE, T0.plusNanos(9_999_999_000L)).granted()).isFalse();
        TokenBucket.Take at10 = empty.take(THREE_THEN_SIX_A_MINUTE, T0.plusSeconds(10));
        assertThat(at10.granted()).isTrue();
        assertThat(at10.after().tokens()).isEqualByComparingTo("0");
        assertThat(empty.refilled(THREE_THEN_SIX_A_MINUTE, T0.plusSeconds(25)).tokens())
                .isEqualByComparingTo("2.5");
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket empty = new TokenBucket(BigDecimal.ZERO, T0);
        assertThat(empty.refilled(THREE_THEN_SIX_A_MINUTE, T0.plusSeconds(3600)).tokens())
                .isEqualByComparingTo("3");
        RateLimit smaller = new RateLimit(1, BigDecimal.ONE);
        assertThat(new TokenBucket(new BigDecimal("30"), T0).refilled(smaller, T0.plusSeconds(1)).tokens())
                .isEqualByComparingTo("1");
    }

    @Test
    void aClockGoingBackRefillsNothingAndKeepsTheLaterTime() {
        TokenBucket b = new TokenBucket(new BigDecimal("0.5"), T0);
        TokenBucket.Take take = b.take(THREE_THEN_SIX_A_MINUTE, T0.minusSeconds(60));
        assertThat(take.granted()).isFalse();
        assertThat(take.after().at()).isEqualTo(T0);
        assertThat(take.after().tokens()).isEqualByComparingTo("0.5");
    }

    @Test
    void aZeroRefillNeverComesBack() {
        RateLimit once = new RateLimit(1, BigDecimal.ZERO);
        TokenBucket.Take first = TokenBucket.full(once, T0).take(once, T0);
        assertThat(first.granted()).isTrue();
        assertThat(first.after().take(once, T0.plusSeconds(86_400)).granted()).isFalse();
    }
}
