package io.tideline.lp.checkpoint;

/**
 * How far the follower's book is on a chain: the last block fully processed.
 *
 * @param block       the last block fully processed (the block before the start block when none is yet)
 * @param hash        its hash; null when the next pass is the first on this chain (nothing to check its parent against)
 * @param genesisHash the chain's block 0 hash, null if not recorded yet
 * @param epoch       how often the book started over (a reorg deeper than the remembered blocks, a new chain): part of
 *                    the event id of every fact derived since, so that a fact published again after its retraction
 *                    is a new event
 */
public record Checkpoint(long block, String hash, String genesisHash, int epoch) {

    /** Where a chain with no stored checkpoint starts: after {@code startBlock - 1}, in epoch 0. */
    public static Checkpoint before(long startBlock) {
        return new Checkpoint(startBlock - 1, null, null, 0);
    }
}
