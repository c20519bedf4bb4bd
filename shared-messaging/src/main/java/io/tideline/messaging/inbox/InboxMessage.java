package io.tideline.messaging.inbox;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One accepted message in the inbox, as its handler sees it.
 *
 * @param id        the inbox row id (its order of arrival)
 * @param messageId the sender's id, unique per stream
 * @param key       the ordering key, or null
 * @param type      the message type (an event's wire name, a webhook kind), or null
 * @param body      the whole envelope as JSON, or the raw body received
 * @param attempts  failed attempts so far
 * @param correlationId the accepted event's correlation id, or null for a raw message
 */
public record InboxMessage(long id, String stream, String messageId, String key, String type, String body,
                           Instant receivedAt, int attempts, String correlationId) {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    /** The body decoded as an event envelope (for streams that keep envelopes). */
    public EventEnvelope<?> envelope() {
        return CODEC.decode(body.getBytes(StandardCharsets.UTF_8));
    }
}
