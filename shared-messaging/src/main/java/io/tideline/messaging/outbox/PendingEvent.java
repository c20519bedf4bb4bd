package io.tideline.messaging.outbox;

import java.util.UUID;

/** An outbox row the relay is about to publish: the stored envelope bytes and where they go. */
public record PendingEvent(long id, UUID eventId, String topic, String key, String type, byte[] envelope) {
}
