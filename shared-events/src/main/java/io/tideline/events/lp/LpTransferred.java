package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;

/**
 * A position's NFT changed owner.
 *
 * @param from previous owner, lower-case
 * @param to   new owner, lower-case
 */
public record LpTransferred(PositionRef position, String from, String to, ChainRef at) implements EventPayload {

    public LpTransferred {
        require(position, "position");
        from = EvmAddress.normalize(from, "from");
        to = EvmAddress.normalize(to, "to");
        require(at, "at");
    }
}
