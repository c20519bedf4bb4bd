package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import java.time.Instant;

/**
 * Where on chain an LP event happened: the block and the log, so a consumer can order, deduplicate and rewind on a
 * reorg.
 *
 * @param blockTime the block's timestamp
 */
public record ChainRef(long blockNumber, String blockHash, String txHash, int logIndex, Instant blockTime) {

    public ChainRef {
        if (blockNumber < 0) {
            throw new IllegalArgumentException("blockNumber must be >= 0, was " + blockNumber);
        }
        require(blockHash, "blockHash");
        require(txHash, "txHash");
        if (logIndex < 0) {
            throw new IllegalArgumentException("logIndex must be >= 0, was " + logIndex);
        }
        require(blockTime, "blockTime");
    }
}
