package io.tideline.perp.hedge;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventPayload;
import java.time.Instant;

/** Envelopes of the hedger's events. */
public final class HedgeEvents {

    public static final String SOURCE = "perp-hedger";

    private HedgeEvents() {
    }

    /**
     * An event about an order, with an id derived from the order's external id and what happened: recording the same
     * outcome twice publishes it once.
     */
    public static EventEnvelope<?> of(String externalId, String what, String positionKey, EventPayload payload) {
        return EventEnvelope.identified(ExternalIds.eventId(externalId, what), Instant.now(), SOURCE, positionKey,
                payload);
    }
}
