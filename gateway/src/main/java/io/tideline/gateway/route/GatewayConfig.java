package io.tideline.gateway.route;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The gateway's upstreams ({@code tideline.gateway.upstreams.<name>.*}) and how they are called. */
@ConfigMapping(prefix = "tideline.gateway")
public interface GatewayConfig {

    /** Every upstream service by name (lp-tracker, perp-hedger, ...). */
    Map<String, UpstreamConfig> upstreams();

    /** How long the gateway waits for one upstream answer before it gives up (the fault-tolerance timeout). */
    @WithName("upstream-timeout")
    @WithDefault("10s")
    Duration upstreamTimeout();

    /** How long a connection to an upstream may take to open. */
    @WithName("upstream-connect-timeout")
    @WithDefault("2s")
    Duration upstreamConnectTimeout();

    /** Further attempts of a GET or HEAD after a connection failure or timeout (never of another method). */
    @WithName("upstream-retries")
    @WithDefault("2")
    int upstreamRetries();

    /** Circuit breaker per upstream: opens after this share of failures among the last {@code window} calls. */
    @WithName("breaker")
    Breaker breaker();

    /** One upstream: where it answers and the first segments after {@code /api/v1/} that it owns. */
    interface UpstreamConfig {
        String url();

        List<String> prefixes();
    }

    interface Breaker {
        @WithDefault("10")
        int window();

        @WithName("failure-ratio")
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before it lets a trial call through. */
        @WithDefault("5s")
        Duration delay();
    }
}
