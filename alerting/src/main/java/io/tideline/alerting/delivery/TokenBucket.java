package io.tideline.alerting.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * A channel's token bucket at an instant: each delivery takes one token; tokens come back at the limit's rate up to its
 * capacity. Exact decimals (9 places, refills rounded down, so the bucket never grants more than the rate allows).
 *
 * @param tokens what is left, 0 to the capacity
 * @param at     when {@code tokens} was last brought up to date
 */
public record TokenBucket(BigDecimal tokens, Instant at) {

    static final int SCALE = 9;
    private static final BigDecimal MICROS_PER_MINUTE = BigDecimal.valueOf(60_000_000L);

    /** A bucket at its capacity: a channel's first deliveries go out at once. */
    public static TokenBucket full(RateLimit limit, Instant at) {
        return new TokenBucket(BigDecimal.valueOf(limit.capacity()).setScale(SCALE), at);
    }

    /** The bucket at {@code now}: refilled for the time since {@link #at}, at most to the capacity. */
    public TokenBucket refilled(RateLimit limit, Instant now) {
        BigDecimal capacity = BigDecimal.valueOf(limit.capacity());
        if (!now.isAfter(at)) {
            // the clock went back (another instance's, or a correction): no refill, and keep the later time
            return new TokenBucket(tokens.min(capacity).setScale(SCALE, RoundingMode.DOWN), at);
        }
        long micros = Duration.between(at, now).toNanos() / 1_000;
        BigDecimal refill = limit.refillPerMinute().multiply(BigDecimal.valueOf(micros))
                .divide(MICROS_PER_MINUTE, SCALE, RoundingMode.DOWN);
        return new TokenBucket(tokens.add(refill).min(capacity).setScale(SCALE, RoundingMode.DOWN), now);
    }

    /** Takes one token at {@code now} if there is one: granted or not, with the bucket after. */
    public Take take(RateLimit limit, Instant now) {
        TokenBucket current = refilled(limit, now);
        if (current.tokens.compareTo(BigDecimal.ONE) >= 0) {
            return new Take(true, new TokenBucket(current.tokens.subtract(BigDecimal.ONE), current.at));
        }
        return new Take(false, current);
    }

    /** The answer of {@link #take}: whether a token was granted, and the bucket to store. */
    public record Take(boolean granted, TokenBucket after) {
    }
}
