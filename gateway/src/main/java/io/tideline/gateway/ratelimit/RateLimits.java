package io.tideline.gateway.ratelimit;

import io.tideline.service.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per caller (a person's subject, or {@code apikey:<id>}) and route class. Buckets that have filled
 * up again are dropped when there are many, so the map holds only recent callers.
 */
@ApplicationScoped
public class RateLimits {

    static final int PRUNE_ABOVE = 10_000;

    private final RateLimitConfig config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(RateLimitConfig config) {
        this.config = config;
        for (String routeClass : config.classes().keySet()) {
            if (!Roles.ALL.contains(routeClass)) {
                throw new IllegalArgumentException("tideline.gateway.rate-limits." + routeClass
                        + ": not a route class; use one of " + Roles.ALL);
            }
        }
    }

    /** Takes a token from the caller's bucket for this route class (the least role of the route). */
    public TokenBucket.Decision take(String caller, String routeClass) {
        long now = System.nanoTime();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> b.idleSince(now));
        }
        return buckets.computeIfAbsent(routeClass + "|" + caller, k -> {
            RateLimitConfig.Bucket settings = config.classes().get(routeClass);
            return settings == null ? new TokenBucket(100, 20, now)
                    : new TokenBucket(settings.capacity(), settings.refillPerSecond(), now);
        }).take(now);
    }
}
