package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;

/**
 * The pool price moved out of a position's range, so it stopped earning fees and holds a single token.
 *
 * @param tick the pool tick that is outside {@code [tickLower, tickUpper)}
 * @param side which side of the range the price left through
 */
public record LpRangeExited(PositionRef position, int tick, int tickLower, int tickUpper, Side side, ChainRef at)
        implements EventPayload {

    /** Where the price is relative to the range: below it the position holds only token0, above it only token1. */
    public enum Side {
        BELOW,
        ABOVE
    }

    public LpRangeExited {
        require(position, "position");
        require(side, "side");
        require(at, "at");
    }
}
