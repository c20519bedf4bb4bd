package io.tideline.lp.chain;

import java.util.List;

/**
 * An eth_getLogs filter: contract addresses and, per topic position, the accepted values (an empty list accepts
 * anything there).
 */
public record LogQuery(List<String> addresses, List<List<String>> topics) {
}
