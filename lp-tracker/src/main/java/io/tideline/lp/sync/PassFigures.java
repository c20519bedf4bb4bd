package io.tideline.lp.sync;

/**
 * What the last main pass cost, for the sync endpoint and the benchmark ({@code bench/lp-tracker-blocks.sh}).
 *
 * @param fromBlock first block of the pass
 * @param toBlock last block of the pass
 * @param millis the whole pass: from asking the node for its head to the committed transaction
 * @param chainMillis reading the chain and applying it in memory (logs, headers, state reads, lifecycle, valuation)
 * @param rpcMillis of {@code chainMillis}, the time spent waiting for the node's answers (the node's own work included)
 * @param writeMillis the one database transaction (state, history, events, checkpoint)
 * @param rpcRoundTrips HTTP round trips to the node in the pass (a JSON-RPC batch counts once)
 * @param stateReadRoundTrips of those, the batched Multicall3 state reads
 * @param followedPositions positions the pass followed
 * @param facts lifecycle facts it recorded
 * @param valuations LpValued events it published
 */
public record PassFigures(long fromBlock, long toBlock, double millis, double chainMillis, double rpcMillis,
                          double writeMillis,
                          long rpcRoundTrips, long stateReadRoundTrips, int followedPositions, int facts,
                          int valuations) {

    static final PassFigures NONE = new PassFigures(-1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
