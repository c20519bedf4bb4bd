package io.tideline.gateway.ratelimit;

/** A caller has used up its bucket for a route class: 429 with {@code Retry-After} and the RateLimit headers. */
public class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TokenBucket.Decision decision;

    public RateLimitedException(TokenBucket.Decision decision) {
        super("too many requests: try again in " + decision.retryAfterSeconds() + " s");
        this.decision = decision;
    }

    public TokenBucket.Decision decision() {
        return decision;
    }
}
