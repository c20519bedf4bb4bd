package io.tideline.events;

import static io.tideline.events.RequiredFields.require;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What every Kafka message carries: the event's identity, type, origin and partition key around its payload.
 *
 * @param eventId       unique per event; consumers deduplicate on it
 * @param type          the payload's {@link EventType#wireName() wire name}
 * @param version       the payload's {@link EventType#version() version}
 * @param occurredAt    when the producer created the event
 * @param source        the producing service, e.g. {@code lp-tracker}
 * @param key           the partition key (see the topic table in ARCHITECTURE.md)
 * @param correlationId optional: ties related events together, e.g. a mint to its hedge, an alert to its escalations
 */
public record EventEnvelope<T extends EventPayload>(UUID eventId, String type, int version, Instant occurredAt,
                                                    String source, String key, String correlationId, T payload) {

    public EventEnvelope {
        require(eventId, "eventId");
        require(type, "type");
        require(occurredAt, "occurredAt");
        require(source, "source");
        require(key, "key");
        require(payload, "payload");
        EventType registered = EventType.of(payload.getClass());
        if (!registered.wireName().equals(type)) {
            throw new IllegalArgumentException("type '" + type + "' does not match the payload, a "
                    + registered.wireName());
        }
        if (version != registered.version()) {
            throw new IllegalArgumentException(type + " is version " + registered.version()
                    + " in this build, not " + version);
        }
    }

    /**
     * A new event: random id, type and version from the registry, and the current time truncated to microseconds so
     * it survives a PostgreSQL {@code timestamptz} unchanged.
     *
     * @param correlationId optional
     */
    public static <T extends EventPayload> EventEnvelope<T> of(String source, String key, String correlationId,
                                                               T payload) {
        EventType type = EventType.of(require(payload, "payload").getClass());
        return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), type.version(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), source, key, correlationId, payload);
    }

    /**
     * An event whose id is derived from the fact it reports (e.g. a chain log: chain, block hash, log index), so that
     * writing the same fact twice yields the same envelope id and consumers drop the second copy.
     */
    public static <T extends EventPayload> EventEnvelope<T> identified(UUID eventId, Instant occurredAt, String source,
                                                                       String key, T payload) {
        EventType type = EventType.of(require(payload, "payload").getClass());
        return new EventEnvelope<>(eventId, type.wireName(), type.version(), occurredAt.truncatedTo(ChronoUnit.MICROS),
                source, key, null, payload);
    }

    /**
     * A new event caused by {@code cause}: it inherits the cause's correlation id, or takes the cause's event id when
     * the cause has none, so a chain of events shares one correlation id.
     */
    public static <T extends EventPayload> EventEnvelope<T> causedBy(EventEnvelope<?> cause, String source, String key,
                                                                     T payload) {
        return of(source, key, correlationOf(require(cause, "cause")), payload);
    }

    /**
     * A new event caused by {@code cause}, with an id derived from the fact (see {@link EventIds}), so that deciding
     * the same thing about the same cause twice yields the same envelope; it inherits the cause's correlation id.
     */
    public static <T extends EventPayload> EventEnvelope<T> causedBy(EventEnvelope<?> cause, UUID eventId,
                                                                     String source, String key, T payload) {
        require(cause, "cause");
        EventType type = EventType.of(require(payload, "payload").getClass());
        return new EventEnvelope<>(require(eventId, "eventId"), type.wireName(), type.version(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), source, key, correlationOf(cause), payload);
    }

    /** The correlation id that events caused by {@code cause} carry: its own, or its event id when it has none. */
    public static String correlationOf(EventEnvelope<?> cause) {
        return cause.correlationId() != null ? cause.correlationId() : cause.eventId().toString();
    }

    /** This event with another correlation id (e.g. a derived fact that joins the chain of an earlier one). */
    public EventEnvelope<T> withCorrelationId(String correlation) {
        return new EventEnvelope<>(eventId, type, version, occurredAt, source, key, correlation, payload);
    }

    /** The registry entry of this event's type. */
    public EventType eventType() {
        return EventType.of(payload.getClass());
    }
}
