package io.tideline.lp.sync;

import io.tideline.evm.BlockHeader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the book goes back to after a reorg: the newest remembered block the chain still has (its facts stay, those
 * above it are retracted). When the chain has none of the remembered blocks (a reorg deeper than
 * {@code reorg-history}) the fork point is unknown: the book starts over after {@link #restartBlock}, everything above
 * it retracted and the chain followed again from there.
 *
 * @param block the fork block the checkpoint goes back to
 * @param hash its hash, on the old chain and the new
 */
record RewindPoint(long block, String hash) {

    /**
     * The newest remembered block still on the chain; empty if none is (the reorg is deeper than the memory).
     *
     * @param remembered the stored blocks, newest first
     * @param onChain the chain's headers at the same heights, in the same order
     */
    static Optional<RewindPoint> find(List<TrackerStore.StoredBlock> remembered, List<BlockHeader> onChain) {
        for (int i = 0; i < remembered.size(); i++) {
            if (remembered.get(i).hash().equals(onChain.get(i).hash())) {
                return Optional.of(new RewindPoint(remembered.get(i).number(), remembered.get(i).hash()));
            }
        }
        return Optional.empty();
    }

    /**
     * The block a restart goes back to: the one before the start block, or before the lowest fact still standing if a
     * wallet backfilled below the start block, so that every fact is above it; never below block 0 (the genesis,
     * which a chain shares with all its forks and never has logs).
     */
    static long restartBlock(long startBlock, OptionalLong lowestFactBlock) {
        long first = lowestFactBlock.isPresent() ? Math.min(startBlock, lowestFactBlock.getAsLong()) : startBlock;
        return Math.max(0, first - 1);
    }
}
