package io.tideline.alerting.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Delivery in Prometheus: {@code tideline_alerting_delivery_attempts_total{channel,outcome}},
 * {@code tideline_alerting_deliveries_total{channel,state}} (finished: delivered, failed, suppressed),
 * {@code tideline_alerting_delivery_attempt_seconds{channel}} and
 * {@code tideline_alerting_delivery_breaker_open{channel}} (1 while the channel's breaker is open or half-open).
 */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempt(String channel, AttemptOutcome outcome, Duration took) {
        Counter.builder("tideline.alerting.delivery.attempts").tag("channel", channel)
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
        Timer.builder("tideline.alerting.delivery.attempt").tag("channel", channel).register(registry).record(took);
    }

    void finished(String channel, DeliveryState state) {
        Counter.builder("tideline.alerting.deliveries").tag("channel", channel)
                .tag("state", state.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
    }

    void breaker(String channel, ChannelBreaker breaker) {
        Gauge.builder("tideline.alerting.delivery.breaker.open", breaker,
                b -> b.state() == CircuitBreakerState.CLOSED ? 0 : 1).tag("channel", channel).register(registry);
    }
}
