package io.tideline.messaging.outbox;

import io.tideline.events.EventEnvelope;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.List;

/**
 * The transitional form of publishing from a connection whose transaction the caller owns.
 *
 * @deprecated publish through {@code UnitOfWork#publish} inside
 *     {@code Transactions#run}; this goes once every service has moved.
 */
@Deprecated(forRemoval = true)
public final class Outbox {

    private Outbox() {
    }

    public static void appendWithin(SqlConnection transaction, List<? extends EventEnvelope<?>> events,
            Duration timeout) {
        OutboxRows.insert(transaction, events, timeout);
    }
}
