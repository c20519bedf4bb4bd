package io.tideline.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsAsManyAsItsCapacityAtOnceThenRefusesUntilATokenComesBack() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Decision(true, 3, 2, 1, 0));
        assertThat(bucket.take(0).remaining()).isEqualTo(1);
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Decision(true, 3, 0, 3, 0));
        TokenBucket.Decision refused = bucket.take(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(bucket.take(SECOND / 2).allowed()).isFalse();
        assertThat(bucket.take(SECOND).allowed()).isTrue();
    }

    @Test
    void refillsContinuouslyButNeverAboveItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 4, 0);
        bucket.take(0);
        bucket.take(0);
        assertThat(bucket.take(SECOND / 4).allowed()).isTrue();
        assertThat(bucket.take(100 * SECOND)).isEqualTo(new TokenBucket.Decision(true, 2, 1, 1, 0));
        assertThat(bucket.idleSince(200 * SECOND)).isTrue();
    }

    @Test
    void aSlowRefillTellsHowLongToWait() {
        TokenBucket bucket = new TokenBucket(1, 0.2, 0);
        bucket.take(0);
        TokenBucket.Decision refused = bucket.take(SECOND);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(4);
        assertThat(refused.resetSeconds()).isEqualTo(4);
    }
}
