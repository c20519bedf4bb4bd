package io.tideline.alerting.delivery;

import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * The durable delivery of notifications to outside channels (email, signed webhooks). The alert lifecycle calls
 * {@link #enqueue} in the unit of work that changes the alert, so a notification is stored with the change or not at
 * all; a worker then delivers it at least once, with its idempotency key.
 */
@ApplicationScoped
public class Deliveries {

    /** The live-push channel: every alert change is on the alert stream; it needs no configuration. */
    public static final String PUSH = "push";

    /**
     * Stores one delivery per outside channel (PUSH is skipped: the stream carries it), each with
     * {@link Notification#idempotencyKey}; a channel over its rate limit records the delivery as suppressed.
     */
    public void enqueue(UnitOfWork uow, Notification notification, List<String> channels) {
        // delivery is built by the delivery work of issue 13
    }

    /** The channel names a rule may use: {@link #PUSH} and every configured email and webhook channel. */
    public Set<String> channelNames() {
        return Set.of(PUSH);
    }
}
