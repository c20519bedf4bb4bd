package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;

/**
 * A position's NFT changed owner.
 *
 * @param from previous owner, lower-case
 * @param to   new owner, lower-case
 * @param leftWatchedWallets the new owner is not one of the desk's watched wallets: the desk no longer holds the
 *                           position (it is TRANSFERRED and no more events follow); false for a move between the
 *                           desk's wallets and for a position arriving from outside
 */
public record LpTransferred(PositionRef position, String from, String to, ChainRef at, boolean leftWatchedWallets)
        implements EventPayload {

    public LpTransferred {
        require(position, "position");
        from = EvmAddress.normalize(from, "from");
        to = EvmAddress.normalize(to, "to");
        require(at, "at");
    }
}
