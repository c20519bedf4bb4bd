package io.tideline.alerting.delivery;

import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The durable delivery of notifications to outside channels (email, signed webhooks). The alert lifecycle calls
 * {@link #enqueue} in the unit of work that changes the alert, so a notification is stored with the change or not at
 * all; a worker then delivers it at least once, with its idempotency key.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    /** The live-push channel: every alert change is on the alert stream; it needs no configuration. */
    public static final String PUSH = "push";

    private final Channels channels;
    private final DeliveryStore store;
    private final ChannelRates rates;
    private final DeliveryLanes lanes;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    public Deliveries(Channels channels, DeliveryStore store, ChannelRates rates, DeliveryLanes lanes,
            DeliveryMetrics metrics, Clock clock) {
        this.channels = channels;
        this.store = store;
        this.rates = rates;
        this.lanes = lanes;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Stores one delivery per outside channel (PUSH is skipped: the stream carries it), each with
     * {@link Notification#idempotencyKey}; a channel over its rate limit records the delivery as suppressed. One
     * already stored under its key is left as it is. A channel a rule names but the configuration no longer has gets a
     * FAILED delivery saying so, rather than nothing.
     */
    public void enqueue(UnitOfWork uow, Notification notification, List<String> channels) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> pending = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        // in name order: the channels' rate rows are locked in one order by every unit of work
        for (String name : new TreeSet<>(channels)) {
            if (PUSH.equals(name)) {
                continue;
            }
            Optional<Channel> channel = this.channels.find(name);
            if (channel.isEmpty()) {
                store.insert(uow, notification, name, DeliveryState.FAILED, "no channel " + name
                        + " is configured", now).ifPresent(id -> LOG.warnf("alert %s: rule %s names channel %s,"
                        + " which is not configured: delivery %d failed", notification.alertId(),
                        notification.ruleId(), name, id));
                continue;
            }
            var id = store.insert(uow, notification, name, DeliveryState.PENDING, null, now);
            if (id.isEmpty()) {
                continue;
            }
            if (rates.take(uow, channel.get(), now)) {
                pending.add(name);
            } else {
                store.suppress(uow, id.getAsLong(), now);
                suppressed.add(name);
            }
        }
        if (!pending.isEmpty() || !suppressed.isEmpty()) {
            uow.afterCommit(() -> {
                suppressed.forEach(c -> metrics.finished(c, DeliveryState.SUPPRESSED));
                lanes.wake(pending);
            });
        }
    }

    /**
     * Sends a FAILED delivery again, for a fresh round of attempts under the same idempotency key, noting who asked.
     *
     * @return the delivery, PENDING; empty if there is none with that id
     * @throws IllegalStateException if it is not FAILED (nothing changes)
     */
    public Optional<Delivery> resend(UnitOfWork uow, long id, String by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Delivery> resent = store.resend(uow, id, by, now);
        resent.ifPresent(d -> {
            LOG.infof("delivery %d to %s sent again at %s's request", d.id(), d.channel(), by);
            uow.afterCommit(() -> lanes.wake(List.of(d.channel())));
        });
        return resent;
    }

    /** The channel names a rule may use: {@link #PUSH} and every configured email and webhook channel. */
    public Set<String> channelNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(PUSH);
        channels.all().forEach(c -> names.add(c.name()));
        return names;
    }
}
