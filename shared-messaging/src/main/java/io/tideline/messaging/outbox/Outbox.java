package io.tideline.messaging.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
