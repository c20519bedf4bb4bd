package io.tideline.lp.position;

import io.tideline.events.EventPayload;
import io.tideline.events.EventType;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.PositionRef;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Something that happened to a position on chain, as published: the event, where on chain it happened and the
 * position's state right after it. Its event id is derived from the chain (chain, block hash, log index, type,
 * position) and the book's epoch, so the same fact is never published under two ids.
 */
public record Fact(PositionRef position, EventPayload payload, ChainRef at, String stateAfter) {

    /**
     * The fact's event id in {@code epoch} (how often the book started over): epoch 0 ids are those of the first
     * derivation; a later epoch gives a fact derived again after its retraction a new id.
     */
    public UUID eventId(int epoch) {
        return idOf(position, at, type(), epoch);
    }

    public String type() {
        return EventType.of(payload.getClass()).wireName();
    }

    static UUID idOf(PositionRef position, ChainRef at, String type, int epoch) {
        String name = position.key() + "|" + at.blockHash() + "|" + at.logIndex() + "|" + type
                + (epoch == 0 ? "" : "|epoch " + epoch);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the retraction of the fact with {@code eventId}. */
    public static UUID retractionIdOf(UUID eventId) {
        return UUID.nameUUIDFromBytes(("retracted|" + eventId).getBytes(StandardCharsets.UTF_8));
    }
}
