package io.tideline.lp.chain;

/**
 * A log the tracker follows, decoded from its ABI words ({@link LogDecoder}): a position manager's
 * ({@link PositionLog}) or a pool's {@link Swap}. Addresses are lower-case, token ids decimal, amounts raw integers.
 */
public sealed interface UniswapLog permits PositionLog, Swap {
}
