package io.tideline.alerting.delivery;

import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * One channel's worker (thread {@code alerting-delivery-<channel>}): claims the channel's most overdue delivery with a
 * lease, sends it through the channel's breaker, and records the attempt and what follows. Each channel has its own
 * lane, so a slow or dead endpoint holds up only its own deliveries.
 */
final class DeliveryLane {

    private static final Logger LOG = Logger.getLogger(DeliveryLane.class);

    private final Channel channel;
    private final ChannelSender sender;
    private final ChannelBreaker breaker;
    private final Transactions transactions;
    private final DeliveryStore store;
    private final RetryPolicy policy;
    private final Duration lease;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final BooleanSupplier ready;
    private final PollingWorker worker;

    DeliveryLane(Channel channel, ChannelSender sender, ChannelBreaker breaker, Transactions transactions,
            DeliveryStore store, RetryPolicy policy, DeliveryConfig config, Clock clock, DeliveryMetrics metrics,
            BooleanSupplier ready) {
        this.channel = channel;
        this.sender = sender;
        this.breaker = breaker;
        this.transactions = transactions;
        this.store = store;
        this.policy = policy;
        this.lease = channel.timeout().plus(config.lease());
        this.clock = clock;
        this.metrics = metrics;
        this.ready = ready;
        this.worker = new PollingWorker("alerting-delivery-" + channel.name(), this::step, config.pollInterval(),
                config.maxBackoff());
    }

    void start() {
        worker.start();
    }

    void stop(Duration timeout) {
        worker.stop(timeout);
    }

    void wake() {
        worker.wake();
    }

    ChannelBreaker breaker() {
        return breaker;
    }

    /** One delivery; true if there may be more due right away. */
    boolean step() {
        if (!ready.getAsBoolean()) {
            return false;
        }
        Instant now = now();
        if (!breaker.admits(now)) {
            return false;
        }
        Optional<Claim> claimed = transactions.run(uow -> store.claim(uow, channel.name(), now, now.plus(lease)));
        if (claimed.isEmpty()) {
            return false;
        }
        Claim c = claimed.get();
        Instant started = now();
        long t0 = System.nanoTime();
        Optional<SendResult> sent = breaker.call(() -> send(c));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (sent.isEmpty()) {
            Instant again = breaker.reopensAt(now());
            transactions.execute(uow -> store.release(uow, c, again, "not sent: the channel's circuit breaker is"
                    + " open"));
            return false;
        }
        SendResult result = sent.get();
        RetryPolicy.Next next = policy.next(result, c.attemptOfRound(), now(),
                ThreadLocalRandom.current().nextDouble());
        boolean held = transactions.run(uow -> store.record(uow, c, started, took, result, next));
        metrics.attempt(channel.name(), AttemptOutcome.of(result), took);
        if (!held) {
            LOG.warnf("delivery %d (%s): the lease ran out before the answer was recorded; another worker has it",
                    c.delivery().id(), c.delivery().idempotencyKey());
        } else if (next.state() != DeliveryState.PENDING) {
            metrics.finished(channel.name(), next.state());
            if (next.state() == DeliveryState.FAILED) {
                LOG.warnf("delivery %d to %s failed after %d attempt(s): %s", c.delivery().id(), channel.name(),
                        c.attempt(), result.error());
            }
        } else {
            LOG.debugf("delivery %d to %s: attempt %d %s, next at %s", c.delivery().id(), channel.name(),
                    c.attempt(), result.error(), next.at());
        }
        return true;
    }

    private SendResult send(Claim c) {
        try {
            return sender.send(channel, c.notification(), c.delivery().idempotencyKey());
        } catch (RuntimeException e) {
            // a sender must not throw; if one does, the attempt counts as retryable rather than stopping the lane
            LOG.errorf(e, "sender for %s threw", channel.name());
            return new SendResult.Retryable(null, "unexpected: " + e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
