package io.tideline.evm;

import java.util.Comparator;
import java.util.List;

/**
 * One event log as eth_getLogs returns it (logs a reorg removed are left out); addresses, hashes and topics lower-case
 * 0x-hex, {@code data} as the node sent it.
 */
public record ChainLog(long blockNumber, String blockHash, String txHash, int logIndex, String address,
                       List<String> topics, String data) {

    /** Chain order: by block, then by position in the block. */
    public static final Comparator<ChainLog> CHAIN_ORDER =
            Comparator.comparingLong(ChainLog::blockNumber).thenComparingInt(ChainLog::logIndex);

    public String topic(int index) {
        return topics.get(index);
    }
}
