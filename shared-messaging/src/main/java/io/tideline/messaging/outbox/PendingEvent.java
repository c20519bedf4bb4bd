package io.tideline.messaging.outbox;

import java.util.UUID;

/**
 * An outbox row the relay is about to publish: the stored envelope bytes, where they go, and the correlation id for
 * the record's headers (null on rows written before it was kept: the event id stands in).
 */
public record PendingEvent(long id, UUID eventId, String topic, String key, String type, byte[] envelope,
                           String correlationId) {

    public PendingEvent(long id, UUID eventId, String topic, String key, String type, byte[] envelope) {
        this(id, eventId, topic, key, type, envelope, null);
    }
}
