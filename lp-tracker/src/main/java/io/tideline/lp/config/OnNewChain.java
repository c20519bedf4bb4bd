package io.tideline.lp.config;

/**
 * {@code tideline.lp.chain.on-new-chain}: what the tracker does when the node turns out to run another chain than the
 * one its checkpoint was taken on (another genesis hash).
 */
public enum OnNewChain {
    /** Stop following and say so (readiness DOWN, the sync status names both genesis hashes). The default. */
    FAIL,
    /** Retract every fact published, forget positions and pools, and follow the new chain from the start block. */
    START_OVER
}
