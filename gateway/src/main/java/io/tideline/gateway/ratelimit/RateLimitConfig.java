package io.tideline.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * Token buckets per caller and route class ({@code tideline.gateway.rate-limits.<class>.capacity|refill-per-second});
 * the classes are the roles a route needs: viewer (reads), trader (the desk's operations), admin (configuration).
 */
@ConfigMapping(prefix = "tideline.gateway.rate-limits")
public interface RateLimitConfig {

    @WithParentName
    Map<String, Bucket> classes();

    interface Bucket {
        @WithDefault("100")
        int capacity();

        @WithDefault("20")
        double refillPerSecond();
    }
}
