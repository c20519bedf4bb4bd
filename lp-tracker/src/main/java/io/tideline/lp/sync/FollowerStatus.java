package io.tideline.lp.sync;

import java.time.Instant;

/**
 * What the chain follower is doing, for health checks, the sync endpoint and benchmarks.
 *
 * @param state DISABLED (not configured or switched off), STARTING, CATCHING_UP, FOLLOWING (at the confirmed head),
 *              FAILING (the node or the database fails; retried with backoff)
 * @param checkpoint last block fully processed, -1 before the first
 * @param confirmedHead the newest block deep enough to process, -1 until known
 * @param lastPass what the last main pass cost ({@link PassFigures#fromBlock()} -1 before the first)
 */
public record FollowerStatus(String state, String detail, long checkpoint, long confirmedHead, long passes,
                             long blocksProcessed, long reorgs, long factsRetracted, long rpcRoundTrips,
                             long rpcRequests, PassFigures lastPass, Instant updatedAt) {

    public boolean failing() {
        return "FAILING".equals(state);
    }
}
