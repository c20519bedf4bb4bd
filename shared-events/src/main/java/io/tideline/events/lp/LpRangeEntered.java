package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;

/**
 * The pool price moved back into a position's range, so it earns fees again.
 *
 * @param tick the pool tick, now inside the position's range
 */
public record LpRangeEntered(PositionRef position, int tick, ChainRef at) implements EventPayload {

    public LpRangeEntered {
        require(position, "position");
        require(at, "at");
    }
}
