package io.tideline.lp.chain;

import java.util.Comparator;
import java.util.List;

/** One event log as eth_getLogs returns it; addresses and hashes lower-case. */
public record ChainLog(long blockNumber, String blockHash, String txHash, int logIndex, String address,
                       List<String> topics, String data) {

    /** Chain order: by block, then by position in the block. */
    public static final Comparator<ChainLog> CHAIN_ORDER =
            Comparator.comparingLong(ChainLog::blockNumber).thenComparingInt(ChainLog::logIndex);

    public String topic(int index) {
        return topics.get(index);
    }
}
