package io.tideline.gateway.ingress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhook ingress ({@code tideline.gateway.webhooks.*}): where deliveries go, their budget and when to shed load. */
@ConfigMapping(prefix = "tideline.gateway.webhooks")
public interface WebhookIngressConfig {

    /** The upstream that verifies and stores deliveries. */
    @WithDefault("pnl-ingest")
    String upstream();

    /** Its path for Alchemy deliveries. */
    @WithDefault("/api/v1/webhooks/alchemy")
    String alchemyPath();

    /** Its path that reports the inbox backlog ({@code pending}). */
    @WithDefault("/api/v1/webhooks/inbox")
    String backlogPath();

    /** The deliveries' own token bucket, shared by all senders. */
    @WithDefault("200")
    int capacity();

    @WithDefault("50")
    double refillPerSecond();

    /**
     * Deliveries are refused 503 while more than this many messages (one per delivery and desk wallet) wait in the
     * upstream's inbox.
     */
    @WithDefault("5000")
    long shedAbovePending();

    /** How old the known backlog may be before it is read again. */
    @WithDefault("2s")
    Duration backlogMaxAge();

    /** {@code Retry-After} of a shed delivery. */
    @WithDefault("30s")
    Duration shedRetryAfter();
}
