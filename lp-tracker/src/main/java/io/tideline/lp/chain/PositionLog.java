package io.tideline.lp.chain;

import java.math.BigInteger;

/**
 * A NonfungiblePositionManager log about one position (token id, decimal). The ERC-721 {@code Transfer} is split by
 * what it means: {@link Minted} (from the zero address), {@link Burned} (to it) and {@link Transferred} (between two
 * owners).
 */
public sealed interface PositionLog extends UniswapLog {

    String tokenId();

    /** The NFT was created for {@code to}; its liquidity arrives in the {@link IncreaseLiquidity} of the same call. */
    record Minted(String tokenId, String to) implements PositionLog {
    }

    /** The NFT moved from one owner to another. */
    record Transferred(String tokenId, String from, String to) implements PositionLog {
    }

    /** The NFT was destroyed by its owner {@code from} (the position manager requires it empty first). */
    record Burned(String tokenId, String from) implements PositionLog {
    }

    /** Liquidity added (a mint's first deposit too), with the token amounts paid in. */
    record IncreaseLiquidity(String tokenId, BigInteger liquidity, BigInteger amount0, BigInteger amount1)
            implements PositionLog {
    }

    /** Liquidity removed; the amounts become owed to the position until a {@link Collect}. */
    record DecreaseLiquidity(String tokenId, BigInteger liquidity, BigInteger amount0, BigInteger amount1)
            implements PositionLog {
    }

    /** Tokens owed to the position (withdrawn principal and fees, not told apart) paid to {@code recipient}. */
    record Collect(String tokenId, String recipient, BigInteger amount0, BigInteger amount1) implements PositionLog {
    }
}
