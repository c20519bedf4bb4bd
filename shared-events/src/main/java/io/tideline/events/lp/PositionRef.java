package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

/**
 * Identifies a Uniswap v3 LP position: the NFT {@code tokenId} of a position manager contract on a chain.
 *
 * @param chainId         EIP-155 chain id
 * @param positionManager NonfungiblePositionManager address, stored lower-case
 * @param tokenId         the position NFT id, a decimal uint256
 */
public record PositionRef(long chainId, String positionManager, String tokenId) {

    private static final String KEY_FORMAT = "chainId:positionManager:tokenId";

    public PositionRef {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive, was " + chainId);
        }
        positionManager = EvmAddress.normalize(positionManager, "positionManager");
        if (positionManager.indexOf(':') >= 0) {
            throw new IllegalArgumentException("positionManager must not contain ':', was '" + positionManager + "'");
        }
        require(tokenId, "tokenId");
        if (!tokenId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("tokenId must be a decimal integer, was '" + tokenId + "'");
        }
    }

    /** The partition key of everything about this position: {@code chainId:positionManager:tokenId}. */
    public String key() {
        return chainId + ":" + positionManager + ":" + tokenId;
    }

    /** Reads a key written by {@link #key()}; the address may be in any case. */
    public static PositionRef parse(String key) {
        String[] parts = require(key, "key").split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a position key (" + KEY_FORMAT + "): '" + key + "'");
        }
        long chainId;
        try {
            chainId = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "not a position key (" + KEY_FORMAT + "), bad chainId: '" + key + "'", e);
        }
        return new PositionRef(chainId, parts[1], parts[2]);
    }
}
