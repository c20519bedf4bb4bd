package io.tideline.alerting.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.settings.KnownSettings;
import io.tideline.messaging.settings.RuntimeSettings;
import io.tideline.messaging.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DeliveryLane} per configured channel, started with the service, each with its circuit breaker. While the
 * runtime setting {@code alerting.delivery.paused} is true no lane claims a delivery: they wait, none is lost.
 */
@ApplicationScoped
public class DeliveryLanes {

    private final Map<String, DeliveryLane> lanes = new LinkedHashMap<>();

    public DeliveryLanes(Channels channels, Instance<ChannelSender> senders, Transactions transactions,
            DeliveryStore store, SchemaMigration schema, DeliveryConfig config, Clock clock,
            DeliveryMetrics metrics, RuntimeSettings settings) {
        Map<ChannelType, ChannelSender> byType = new EnumMap<>(ChannelType.class);
        for (ChannelSender s : senders) {
            byType.put(s.type(), s);
        }
        RetryPolicy policy = policy(config);
        for (Channel c : channels.all()) {
            ChannelSender sender = byType.get(c.type());
            if (sender == null) {
                throw new IllegalStateException("no sender for channels of type " + c.type());
            }
            ChannelBreaker breaker = new ChannelBreaker(c.name(), breaker(config.breaker()), clock);
            metrics.breaker(c.name(), breaker);
            lanes.put(c.name(), new DeliveryLane(c, sender, breaker, transactions, store, policy, config, clock,
                    metrics, () -> schema.isMigrated() && !settings.flag(KnownSettings.ALERTING_DELIVERY_PAUSED)));
        }
    }

    void onStart(@Observes StartupEvent event) {
        lanes.values().forEach(DeliveryLane::start);
    }

    void onStop(@Observes ShutdownEvent event) {
        lanes.values().forEach(l -> l.stop(Duration.ofSeconds(10)));
    }

    /** Starts these channels' next step now (deliveries were just stored for them). */
    public void wake(Collection<String> channels) {
        channels.forEach(c -> Optional.ofNullable(lanes.get(c)).ifPresent(DeliveryLane::wake));
    }

    /** The breaker of a configured channel. */
    public Optional<ChannelBreaker> breaker(String channel) {
        return Optional.ofNullable(lanes.get(channel)).map(DeliveryLane::breaker);
    }

    static RetryPolicy policy(DeliveryConfig config) {
        try {
            return new RetryPolicy(config.backoffBase(), config.backoffMax(), config.maxAttempts());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tideline.alerting.delivery.backoff-base, backoff-max, max-attempts: "
                    + e.getMessage(), e);
        }
    }

    private static DeliveryConfig.Breaker breaker(DeliveryConfig.Breaker b) {
        if (b.requestVolume() < 1) {
            throw new IllegalArgumentException("tideline.alerting.delivery.breaker.request-volume must be at least 1");
        }
        if (!(b.failureRatio() > 0 && b.failureRatio() <= 1)) {
            throw new IllegalArgumentException("tideline.alerting.delivery.breaker.failure-ratio must be more than 0"
                    + " and at most 1");
        }
        if (b.delay().isNegative() || b.delay().isZero()) {
            throw new IllegalArgumentException("tideline.alerting.delivery.breaker.delay must be more than 0");
        }
        return b;
    }
}
