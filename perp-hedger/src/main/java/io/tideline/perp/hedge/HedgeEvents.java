package io.tideline.perp.hedge;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventIds;
import io.tideline.events.EventPayload;
import io.tideline.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * Envelopes of the hedger's events. Each is about one order, and its id is derived from the order's external id and
 * the event type ({@link EventIds}), so recording the same outcome twice publishes it once.
 */
public final class HedgeEvents {

    public static final String SOURCE = "perp-hedger";

    private HedgeEvents() {
    }

    /** The id of the {@code payload}'s kind of event about the order with this external id. */
    public static UUID eventId(String externalId, EventPayload payload) {
        return EventIds.of("perp-order-event", externalId, EventType.of(payload.getClass()).wireName());
    }

    /** An event made in reaction to {@code cause} (an LP fact): it joins the cause's chain. */
    public static EventEnvelope<?> causedBy(EventEnvelope<?> cause, String externalId, String positionKey,
            EventPayload payload) {
        return EventEnvelope.causedBy(cause, eventId(externalId, payload), SOURCE, positionKey, payload);
    }

    /**
     * An event about an order, made after the fact that caused it was handled (a fill found later, a buy-back decided
     * by the loop, a manual retry): it carries the correlation id stored with the order or hedge.
     */
    public static EventEnvelope<?> about(String externalId, String correlationId, String positionKey,
            EventPayload payload) {
        return EventEnvelope.identified(eventId(externalId, payload), Instant.now(), SOURCE, positionKey, payload)
                .withCorrelationId(correlationId);
    }
}
