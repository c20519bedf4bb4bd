package io.tideline.lp.chain;

import io.tideline.evm.ChainLog;
import io.tideline.lp.chain.PositionLog.Burned;
import io.tideline.lp.chain.PositionLog.Collect;
import io.tideline.lp.chain.PositionLog.DecreaseLiquidity;
import io.tideline.lp.chain.PositionLog.IncreaseLiquidity;
import io.tideline.lp.chain.PositionLog.Minted;
import io.tideline.lp.chain.PositionLog.Transferred;
import java.util.Optional;

/**
 * Turns the raw logs the tracker fetches into {@link UniswapLog}s: the one place that reads their topics and ABI
 * words (layouts from v3-periphery's {@code INonfungiblePositionManager} and v3-core's {@code IUniswapV3PoolEvents}).
 */
public final class LogDecoder {

    static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private LogDecoder() {
    }

    /**
     * The log decoded, or empty for one the tracker does not follow: another event, or a {@code Transfer} with its
     * token id in the data (an ERC-20's, not the position manager's).
     */
    public static Optional<UniswapLog> decode(ChainLog log) {
        if (log.topics().isEmpty()) {
            return Optional.empty();
        }
        String topic0 = log.topic(0);
        if (UniswapAbi.SWAP.equals(topic0)) {
            AbiWords data = AbiWords.ofHex(log.data());
            return Optional.of(new Swap(log.address(), data.signed(0), data.signed(1), data.uint(2), data.uint(3),
                    data.int24(4)));
        }
        if (UniswapAbi.TRANSFER.equals(topic0)) {
            if (log.topics().size() != 4) {
                return Optional.empty();
            }
            String from = UniswapAbi.topicAddress(log.topic(1));
            String to = UniswapAbi.topicAddress(log.topic(2));
            String tokenId = UniswapAbi.topicUint(log.topic(3));
            if (ZERO_ADDRESS.equals(from)) {
                return Optional.of(new Minted(tokenId, to));
            }
            if (ZERO_ADDRESS.equals(to)) {
                return Optional.of(new Burned(tokenId, from));
            }
            return Optional.of(new Transferred(tokenId, from, to));
        }
        boolean increase = UniswapAbi.INCREASE_LIQUIDITY.equals(topic0);
        boolean decrease = UniswapAbi.DECREASE_LIQUIDITY.equals(topic0);
        boolean collect = UniswapAbi.COLLECT.equals(topic0);
        if (!increase && !decrease && !collect) {
            return Optional.empty();
        }
        String tokenId = UniswapAbi.topicUint(log.topic(1));
        AbiWords data = AbiWords.ofHex(log.data());
        if (increase) {
            return Optional.of(new IncreaseLiquidity(tokenId, data.uint(0), data.uint(1), data.uint(2)));
        }
        if (decrease) {
            return Optional.of(new DecreaseLiquidity(tokenId, data.uint(0), data.uint(1), data.uint(2)));
        }
        return Optional.of(new Collect(tokenId, data.address(0), data.uint(1), data.uint(2)));
    }
}
