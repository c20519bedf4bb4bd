package io.tideline.messaging.outbox;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Writes events as outbox rows in one statement, inside the caller's transaction. Only
 * {@code Transactions} calls it, just before it commits: services publish through
 * {@code UnitOfWork#publish}.
 */
public final class OutboxRows {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final String INSERT = """
            insert into outbox (event_id, topic, event_key, event_type, envelope, correlation_id)
            select e, t, k, ty, env, c
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                with ordinality as x(e, t, k, ty, env, c, n) order by n""";

    private OutboxRows() {
    }

    public static void insert(SqlConnection transaction, List<? extends EventEnvelope<?>> events, Duration timeout) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        java.util.UUID[] ids = new java.util.UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] envelopes = new String[n];
        String[] correlations = new String[n];
        for (int i = 0; i < n; i++) {
            EventEnvelope<?> event = events.get(i);
            ids[i] = event.eventId();
            topics[i] = event.eventType().topic().name();
            keys[i] = event.key();
            types[i] = event.type();
            envelopes[i] = new String(CODEC.encode(event), StandardCharsets.UTF_8);
            correlations[i] = EventEnvelope.correlationOf(event);
        }
        // ids are taken in the events' order (order by n), and the relay publishes in id order.
        transaction.preparedQuery(INSERT).execute(Tuple.of(ids, topics, keys, types, envelopes, correlations))
                .await().atMost(timeout);
    }
}
