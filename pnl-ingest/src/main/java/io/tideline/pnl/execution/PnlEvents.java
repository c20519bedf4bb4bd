package io.tideline.pnl.execution;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Envelopes of pnl-ingest's events: ids derived from the fact reported, so recording it twice publishes it once. */
public final class PnlEvents {

    public static final String SOURCE = "pnl-ingest";

    private PnlEvents() {
    }

    /** A name-based id for a fact, e.g. {@code "execution|" + executionId}. */
    public static UUID idOf(String fact) {
        return UUID.nameUUIDFromBytes(fact.getBytes(StandardCharsets.UTF_8));
    }

    /** An event keyed by the user (wallet) it is about, as {@code pnl.executions} is partitioned. */
    public static EventEnvelope<?> of(UUID eventId, String user, EventPayload payload) {
        return EventEnvelope.identified(eventId, Instant.now(), SOURCE, user, payload);
    }
}
