package io.tideline.lp.sync;

import io.tideline.lp.config.OnNewChain;

/**
 * Whether the node runs the chain the checkpoint was taken on, told by the hash of its genesis block (block 0): a
 * chain never changes its genesis, so another hash is another chain (a restarted local chain, a node of another
 * network behind the same URL) however its blocks line up, and no reorg explains it.
 */
final class ChainIdentity {

    /** What to do about the node's chain. */
    enum Verdict {
        /** The checkpoint's chain: go on. */
        SAME,
        /** Nothing to compare with (no checkpoint yet, or one stored without a genesis hash): record the node's. */
        RECORD,
        /** Another chain, and {@code on-new-chain=start-over}: retract, forget everything, follow it anew. */
        START_OVER,
        /** Another chain, and {@code on-new-chain=fail}: do not follow it; say so. */
        REFUSE
    }

    private ChainIdentity() {
    }

    /**
     * @param checkpointGenesis the genesis hash stored with the checkpoint, or null if there is none
     * @param nodeGenesis the node's block 0 hash
     */
    static Verdict judge(String checkpointGenesis, String nodeGenesis, OnNewChain onNewChain) {
        if (checkpointGenesis == null) {
            return Verdict.RECORD;
        }
        if (checkpointGenesis.equalsIgnoreCase(nodeGenesis)) {
            return Verdict.SAME;
        }
        return onNewChain == OnNewChain.START_OVER ? Verdict.START_OVER : Verdict.REFUSE;
    }

    /** The operator's sentence for {@link Verdict#REFUSE}. */
    static String differentChain(String nodeGenesis, String checkpointGenesis) {
        return "a different chain: genesis " + nodeGenesis + " but the checkpoint was taken on " + checkpointGenesis
                + "; set tideline.lp.chain.on-new-chain=start-over to start over";
    }
}
