package io.tideline.evm;

import java.util.List;

/**
 * An eth_getLogs filter: the emitting contracts and, per topic position, the accepted values. An empty address list
 * accepts logs of any contract (the filter then has no {@code address}); an empty list at a topic position accepts
 * anything there, and positions after the last one given are not constrained.
 *
 * @param addresses contracts whose logs are wanted, 0x-hex; empty: any contract
 * @param topics    per position (topic0 = the event signature hash, then the indexed arguments), the accepted 32-byte
 *                  0x-hex values, any of which matches
 */
public record LogQuery(List<String> addresses, List<List<String>> topics) {

    public LogQuery {
        addresses = List.copyOf(addresses);
        topics = topics.stream().map(List::copyOf).toList();
    }

    /** Logs of any contract that match the topics, e.g. every ERC-20 {@code Transfer} to a set of wallets. */
    public static LogQuery anyAddress(List<List<String>> topics) {
        return new LogQuery(List.of(), topics);
    }
}
