package io.tideline.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code refillPerSecond}; a request
 * takes one or is refused. Time comes in as nanoseconds from the caller, so the arithmetic is tested without a clock.
 * Thread-safe.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long at;

    public TokenBucket(int capacity, double refillPerSecond, long nowNanos) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("a bucket needs a capacity of at least 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.at = nowNanos;
    }

    /** Takes a token if there is one; says what is left and when the bucket is full again or the next token comes. */
    public synchronized Decision take(long nowNanos) {
        if (nowNanos > at) {
            tokens = Math.min(capacity, tokens + (nowNanos - at) * refillPerNano);
            at = nowNanos;
        }
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long untilFull = (long) Math.ceil((capacity - tokens) / refillPerNano / 1e9);
        long untilNext = allowed ? 0 : (long) Math.ceil((1 - tokens) / refillPerNano / 1e9);
        return new Decision(allowed, (int) capacity, (int) Math.floor(tokens), untilFull, Math.max(untilNext,
                allowed ? 0 : 1));
    }

    /** Whether the bucket has been full (unused) since at least this time: it may be forgotten. */
    public synchronized boolean idleSince(long nowNanos) {
        return tokens + (nowNanos - at) * refillPerNano >= capacity;
    }

    /**
     * @param allowed           whether the request may go on
     * @param limit             the bucket's capacity ({@code RateLimit-Limit})
     * @param remaining         whole tokens left ({@code RateLimit-Remaining})
     * @param resetSeconds      seconds until the bucket is full again ({@code RateLimit-Reset})
     * @param retryAfterSeconds for a refusal, seconds until the next token ({@code Retry-After})
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }
}
