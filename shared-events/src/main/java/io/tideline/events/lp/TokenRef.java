package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

/**
 * An ERC-20 token of a pool, with the decimals needed to turn its raw amounts into prices.
 *
 * @param address  token contract address, stored lower-case
 * @param decimals the token's {@code decimals()}, 0..255
 */
public record TokenRef(String address, String symbol, int decimals) {

    public TokenRef {
        address = EvmAddress.normalize(address, "address");
        require(symbol, "symbol");
        if (decimals < 0 || decimals > 255) {
            throw new IllegalArgumentException("decimals must be 0..255, was " + decimals);
        }
    }
}
