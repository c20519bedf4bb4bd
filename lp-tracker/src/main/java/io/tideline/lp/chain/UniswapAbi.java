package io.tideline.lp.chain;

import java.math.BigInteger;

/**
 * The Uniswap v3 and ERC-20 calls and event topics the tracker uses (signatures from the v3-core
 * {@code IUniswapV3Pool*} and v3-periphery {@code INonfungiblePositionManager} interfaces).
 */
public final class UniswapAbi {

    public static final String TRANSFER = AbiEncoder.topic("Transfer(address,address,uint256)");
    public static final String INCREASE_LIQUIDITY = AbiEncoder.topic("IncreaseLiquidity(uint256,uint128,uint256,uint256)");
    public static final String DECREASE_LIQUIDITY = AbiEncoder.topic("DecreaseLiquidity(uint256,uint128,uint256,uint256)");
    public static final String COLLECT = AbiEncoder.topic("Collect(uint256,address,uint256,uint256)");
    public static final String SWAP = AbiEncoder.topic("Swap(address,address,int256,int256,uint160,uint128,int24)");

    private static final byte[] POSITIONS = AbiEncoder.selector("positions(uint256)");
    private static final byte[] SLOT0 = AbiEncoder.selector("slot0()");
    private static final byte[] FEE_GROWTH_GLOBAL0 = AbiEncoder.selector("feeGrowthGlobal0X128()");
    private static final byte[] FEE_GROWTH_GLOBAL1 = AbiEncoder.selector("feeGrowthGlobal1X128()");
    private static final byte[] TICKS = AbiEncoder.selector("ticks(int24)");
    private static final byte[] DECIMALS = AbiEncoder.selector("decimals()");
    private static final byte[] SYMBOL = AbiEncoder.selector("symbol()");

    private UniswapAbi() {
    }

    /** {@code NonfungiblePositionManager.positions(tokenId)}, the fields the tracker uses. */
    public record OnChainPosition(String token0, String token1, int fee, int tickLower, int tickUpper,
                                  BigInteger liquidity, BigInteger feeGrowthInside0LastX128,
                                  BigInteger feeGrowthInside1LastX128, BigInteger tokensOwed0,
                                  BigInteger tokensOwed1) {
    }

    /** {@code pool.slot0()}: the price and its tick. */
    public record Slot0(BigInteger sqrtPriceX96, int tick) {
    }

    /** {@code pool.ticks(tick)}: the fee growth on the other side of the tick. */
    public record TickFeeGrowth(BigInteger feeGrowthOutside0X128, BigInteger feeGrowthOutside1X128) {
    }

    public static byte[] positions(String tokenId) {
        return AbiEncoder.call(POSITIONS, new BigInteger(tokenId));
    }

    public static OnChainPosition decodePosition(AbiWords w) {
        return new OnChainPosition(w.address(2), w.address(3), w.smallUint(4), w.int24(5), w.int24(6), w.uint(7),
                w.uint(8), w.uint(9), w.uint(10), w.uint(11));
    }

    public static byte[] slot0() {
        return SLOT0.clone();
    }

    public static Slot0 decodeSlot0(AbiWords w) {
        return new Slot0(w.uint(0), w.int24(1));
    }

    public static byte[] feeGrowthGlobal0X128() {
        return FEE_GROWTH_GLOBAL0.clone();
    }

    public static byte[] feeGrowthGlobal1X128() {
        return FEE_GROWTH_GLOBAL1.clone();
    }

    public static byte[] ticks(int tick) {
        return AbiEncoder.call(TICKS, BigInteger.valueOf(tick));
    }

    public static TickFeeGrowth decodeTick(AbiWords w) {
        return new TickFeeGrowth(w.uint(2), w.uint(3));
    }

    public static byte[] decimals() {
        return DECIMALS.clone();
    }

    public static byte[] symbol() {
        return SYMBOL.clone();
    }

    /** An address topic (left-padded to 32 bytes), for eth_getLogs filters. */
    public static String addressTopic(String address) {
        return "0x000000000000000000000000" + address.substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** The address in an indexed address topic. */
    public static String topicAddress(String topic) {
        return "0x" + topic.substring(topic.length() - 40);
    }

    /** A uint256 topic (e.g. an indexed tokenId), decimal. */
    public static String topicUint(String topic) {
        return new BigInteger(topic.substring(2), 16).toString();
    }

    /** A uint256 as a topic. */
    public static String uintTopic(String decimal) {
        return AbiEncoder.hex(AbiEncoder.word(new BigInteger(decimal)));
    }
}
