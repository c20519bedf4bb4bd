package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.util.UUID;

/**
 * A fact published earlier about this position did not happen after all: the block that held it was replaced by a
 * chain reorganisation. Consumers undo what they did for {@code retractedEventId}; the facts of the new chain follow
 * as new events (with new event ids, since they live in other blocks).
 *
 * @param retractedEventId the {@code eventId} of the envelope that is withdrawn
 * @param retractedType its wire type, e.g. {@code LpRangeExited}
 * @param at where the withdrawn fact was (the block that is no longer on the chain)
 * @param forkBlock the last block the old and the new chain share
 */
public record LpFactRetracted(PositionRef position, UUID retractedEventId, String retractedType, ChainRef at,
                              long forkBlock) implements EventPayload {

    public LpFactRetracted {
        require(position, "position");
        require(retractedEventId, "retractedEventId");
        require(retractedType, "retractedType");
        require(at, "at");
        if (forkBlock < 0 || forkBlock >= at.blockNumber()) {
            throw new IllegalArgumentException("forkBlock must be below the retracted block " + at.blockNumber()
                    + ", was " + forkBlock);
        }
    }
}
