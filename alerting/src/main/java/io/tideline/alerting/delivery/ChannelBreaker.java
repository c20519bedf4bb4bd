package io.tideline.alerting.delivery;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The circuit breaker of one channel's endpoint (SmallRye Fault Tolerance's programmatic {@link Guard}): when too many
 * of its recent attempts failed for the endpoint's sake (5xx, 408, 429, timeouts, connection errors — not a refusal of
 * one message), it opens and the channel's lane sends nothing for the breaker's delay; then one trial attempt decides
 * whether it closes again.
 */
public final class ChannelBreaker {

    private final Guard guard;
    private final Duration delay;
    private final Clock clock;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;
    private volatile Instant openedAt;

    public ChannelBreaker(String channel, DeliveryConfig.Breaker settings, Clock clock) {
        this.delay = settings.delay();
        this.clock = clock;
        this.guard = Guard.create()
                .withDescription("delivery to " + channel)
                .withCircuitBreaker()
                .requestVolumeThreshold(settings.requestVolume())
                .failureRatio(settings.failureRatio())
                .delay(settings.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .failOn(EndpointFailure.class)
                .onStateChange(this::changed)
                .done()
                .build();
    }

    /** Where the breaker stands: CLOSED, OPEN (refusing) or HALF_OPEN (a trial attempt decides). */
    public CircuitBreakerState state() {
        return state;
    }

    /** When it last opened, or null if it is not open. */
    public Instant openedAt() {
        return state == CircuitBreakerState.OPEN ? openedAt : null;
    }

    /** Whether an attempt could go through now: not while the breaker is open and its delay is not over. */
    public boolean admits(Instant now) {
        Instant opened = openedAt;
        return state != CircuitBreakerState.OPEN || opened == null || !now.isBefore(opened.plus(delay));
    }

    /** When an open breaker lets a trial attempt through. */
    public Instant reopensAt(Instant now) {
        Instant opened = openedAt;
        return state == CircuitBreakerState.OPEN && opened != null ? opened.plus(delay) : now;
    }

    /**
     * Sends through the breaker: the send's result, or empty when the breaker refused to let it through. A retryable
     * result counts as a failure of the endpoint.
     */
    public java.util.Optional<SendResult> call(Callable<SendResult> send) {
        try {
            return java.util.Optional.of(guard.call(() -> {
                SendResult result = send.call();
                if (result instanceof SendResult.Retryable) {
                    throw new EndpointFailure(result);
                }
                return result;
            }, SendResult.class));
        } catch (EndpointFailure f) {
            return java.util.Optional.of(f.result);
        } catch (CircuitBreakerOpenException e) {
            return java.util.Optional.empty();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void changed(CircuitBreakerState next) {
        if (next == CircuitBreakerState.OPEN) {
            openedAt = clock.instant();
        }
        state = next;
    }

    /** A retryable result carried out of the guard so that it counts against the endpoint. */
    private static final class EndpointFailure extends Exception {

        private final transient SendResult result;

        EndpointFailure(SendResult result) {
            super(result.error(), null, false, false);
            this.result = result;
        }
    }
}
