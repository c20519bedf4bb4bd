package io.tideline.messaging.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventType;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The only way a service publishes an event: it is stored in the caller's transaction and relayed to Kafka
 * after commit by {@link OutboxRelay}, so state and the events it causes are never out of step.
 */
@ApplicationScoped
public class Outbox {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    /**
     * Adds the event to the current transaction. Fails if there is none: an event written outside the
     * transaction of its state change could be lost or published for a change that rolled back.
     */
    public Uni<Void> append(EventEnvelope<?> event) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append must run inside a transaction (Panache.withTransaction / @WithTransaction)"))
                .chain(tx -> toRecord(event).persist())
                .replaceWithVoid();
    }

    /** Adds the events, in order, to the current transaction. */
    public Uni<Void> appendAll(List<? extends EventEnvelope<?>> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EventEnvelope<?> event : events) {
            chain = chain.chain(() -> append(event));
        }
        return chain;
    }

    /**
     * Adds the events, in order, through a connection whose transaction the caller owns (for services that write
     * their state with SQL rather than Panache, e.g. from a worker thread via
     * {@link io.tideline.messaging.sql.BlockingTransaction}). Blocks until written.
     */
    public static void appendWithin(SqlConnection transaction, List<? extends EventEnvelope<?>> events,
            Duration timeout) {
        if (events.isEmpty()) {
            return;
        }
        List<Tuple> rows = new ArrayList<>(events.size());
        for (EventEnvelope<?> event : events) {
            OutboxRecord row = toRecord(event);
            rows.add(Tuple.of(row.eventId, row.topic, row.eventKey, row.eventType, row.envelope, row.createdAt));
        }
        transaction.preparedQuery("insert into outbox (event_id, topic, event_key, event_type, envelope, created_at)"
                        + " values ($1, $2, $3, $4, $5, $6)")
                .executeBatch(rows).await().atMost(timeout);
    }

    static OutboxRecord toRecord(EventEnvelope<?> event) {
        OutboxRecord row = new OutboxRecord();
        row.eventId = event.eventId();
        row.topic = EventType.of(event.payload().getClass()).topic().name();
        row.eventKey = event.key();
        row.eventType = event.type();
        row.envelope = new String(CODEC.encode(event), StandardCharsets.UTF_8);
        row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return row;
    }
}
