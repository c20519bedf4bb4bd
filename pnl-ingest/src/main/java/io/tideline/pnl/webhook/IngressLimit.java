package io.tideline.pnl.webhook;

import io.smallrye.mutiny.Uni;
import io.tideline.messaging.inbox.Inbox;
import io.tideline.messaging.tx.Transactions;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.service.problem.TryLaterException;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Load shedding at the webhook door ({@code tideline.pnl.ingress}): a delivery is refused at once with 503 and
 * {@code Retry-After} (Alchemy sends it again later), before its signature is checked or its body parsed and without
 * touching the database, while more than
 * {@code max-in-flight} deliveries are waiting for their insert, or while the inbox holds more than
 * {@code shed-above-pending} deliveries not processed yet. Overload then costs the sender a fast refusal, never a
 * request that waits in the connection pool's queue until it gives up, and the backlog stays bounded.
 * The pending count is read at most once per {@code backlog-max-age}, without blocking, by the delivery that finds it
 * stale; the others decide on the last count read. Acceptances run on several event loops: the counts are atomic.
 */
@ApplicationScoped
public class IngressLimit {

    private static final Logger LOG = Logger.getLogger(IngressLimit.class);

    private final PnlConfig.Ingress config;
    private final Supplier<Uni<Long>> pendingCount;
    private final LongSupplier nanoTime;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean shedding = new AtomicBoolean();
    private final AtomicLong shed = new AtomicLong();
    private volatile long pending;
    private volatile long readAt;

    @Inject
    public IngressLimit(PnlConfig config, Inbox inbox, Pool pool, Transactions transactions) {
        this(config.ingress(), () -> inbox.pendingAlone(pool, transactions.timeout(), WebhookInbox.STREAM),
                System::nanoTime);
    }

    IngressLimit(PnlConfig.Ingress config, Supplier<Uni<Long>> pendingCount, LongSupplier nanoTime) {
        this.config = config;
        this.pendingCount = pendingCount;
        this.nanoTime = nanoTime;
        this.readAt = nanoTime.getAsLong() - config.backlogMaxAge().toNanos() - 1;
    }

    /**
     * The acceptance, run when it is subscribed to unless a bound is passed; else a failure with a
     * {@link TryLaterException}, and the acceptance is not run.
     */
    public <T> Uni<T> admit(Supplier<Uni<T>> acceptance) {
        return Uni.createFrom().deferred(() -> {
            readPendingIfStale();
            long waiting = pending;
            if (waiting > config.shedAbovePending()) {
                return refuse("the inbox holds " + waiting + " deliveries not processed yet (the bound is "
                        + config.shedAbovePending() + "); send this one again later");
            }
            if (inFlight.incrementAndGet() > config.maxInFlight()) {
                inFlight.decrementAndGet();
                return refuse("more than " + config.maxInFlight() + " deliveries are being accepted at once;"
                        + " send this one again later");
            }
            if (shedding.compareAndSet(true, false)) {
                LOG.infof("webhook deliveries are taken again (%d shed since start)", shed.get());
            }
            Uni<T> accepted;
            try {
                accepted = acceptance.get();
            } catch (RuntimeException e) {
                inFlight.decrementAndGet();
                throw e;
            }
            return accepted.onTermination().invoke(inFlight::decrementAndGet);
        });
    }

    /** Deliveries refused by this instance since it started. */
    public long shedSinceStart() {
        return shed.get();
    }

    /** Deliveries being accepted now. */
    int inFlight() {
        return inFlight.get();
    }

    private <T> Uni<T> refuse(String reason) {
        shed.incrementAndGet();
        if (shedding.compareAndSet(false, true)) {
            LOG.warnf("shedding webhook deliveries with 503: %s", reason);
        }
        return Uni.createFrom().failure(new TryLaterException(reason, config.retryAfter()));
    }

    private void readPendingIfStale() {
        if (nanoTime.getAsLong() - readAt <= config.backlogMaxAge().toNanos() || !reading.compareAndSet(false, true)) {
            return;
        }
        Uni<Long> count;
        try {
            count = pendingCount.get();
        } catch (RuntimeException e) {
            reading.set(false);
            LOG.warnf("cannot count the webhook inbox's pending deliveries: %s", e.getMessage());
            return;
        }
        count.subscribe().with(n -> {
            pending = n;
            readAt = nanoTime.getAsLong();
            reading.set(false);
        }, failure -> {
            // the last count stands; a database that does not answer refuses the acceptance itself (503)
            readAt = nanoTime.getAsLong();
            reading.set(false);
            LOG.warnf("cannot count the webhook inbox's pending deliveries: %s", failure.getMessage());
        });
    }
}
