package io.tideline.lp.sync;

import java.time.Instant;

/**
 * What the chain follower is doing, for health checks, the sync endpoint and benchmarks.
 *
 * @param state DISABLED (not configured or switched off), STARTING, CATCHING_UP, FOLLOWING (at the confirmed head),
 *              STANDBY (another instance holds the chain's follower lock and follows it; this one takes over when that
 *              one's database connection ends), FAILING (the node or the database fails; retried with backoff)
 * @param detail a sentence for an operator (what was processed, or why it fails); never an exception's message
 * @param node the node followed, {@code scheme://host[:port]} only (its URL may carry an API key); null if none
 * @param checkpoint last block fully processed, -1 before the first (a standby shows the leader's)
 * @param confirmedHead the newest block deep enough to process, -1 until known
 * @param lastPass what the last main pass cost ({@link PassFigures#fromBlock()} -1 before the first)
 */
public record FollowerStatus(String state, String detail, String node, long checkpoint, long confirmedHead, long passes,
                             long blocksProcessed, long reorgs, long factsRetracted, long rpcRoundTrips,
                             long rpcRequests, PassFigures lastPass, Instant updatedAt) {

    public boolean failing() {
        return "FAILING".equals(state);
    }
}
