package io.tideline.lp.position;

import io.tideline.events.EventIds;
import io.tideline.events.EventPayload;
import io.tideline.events.EventType;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.PositionRef;
import java.util.UUID;

/**
 * Something that happened to a position on chain, as published: the event, where on chain it happened and the
 * position's state right after it. Its event id is derived from the chain (position, block hash, log index, type) and
 * the book's epoch, so the same fact is never published under two ids.
 */
public record Fact(PositionRef position, EventPayload payload, ChainRef at, String stateAfter) {

    /**
     * The fact's event id in {@code epoch} (how often the book started over): a fact derived again after a start-over
     * retracted it gets a new id, the same fact derived twice in one epoch the same id.
     */
    public UUID eventId(int epoch) {
        return idOf(position, at, type(), epoch);
    }

    public String type() {
        return EventType.of(payload.getClass()).wireName();
    }

    static UUID idOf(PositionRef position, ChainRef at, String type, int epoch) {
        return EventIds.of("lp-fact", position.key(), at.blockHash(), at.logIndex(), type, epoch);
    }

    /** The id of the retraction of the fact with {@code eventId}: one per fact, whoever retracts it. */
    public static UUID retractionIdOf(UUID eventId) {
        return EventIds.causedBy(eventId, "lp-fact-retracted");
    }
}
