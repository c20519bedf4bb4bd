package io.tideline.amm;

import java.math.BigInteger;

/**
 * The first, straight BigInteger port of v3-core's TickMath, kept as an oracle for the long-based {@link TickMath}:
 * every step is the contract's, one BigInteger operation per Solidity operation.
 */
final class ReferenceTickMath {

    /** The lowest tick, {@code log base 1.0001 of 2^-128}. */
    static final int MIN_TICK = -887272;
    /** The highest tick, {@code -MIN_TICK}. */
    static final int MAX_TICK = 887272;
    /** {@code getSqrtRatioAtTick(MIN_TICK)}: the lowest sqrt price, and the lowest {@link #getTickAtSqrtRatio} takes. */
    static final BigInteger MIN_SQRT_RATIO = new BigInteger("4295128739");
    /** {@code getSqrtRatioAtTick(MAX_TICK)}: one above the highest sqrt price {@link #getTickAtSqrtRatio} takes. */
    static final BigInteger MAX_SQRT_RATIO = new BigInteger("1461446703485210103287273052203988822378723970342");

    // 2^128 / sqrt(1.0001)^(2^i) as Q128.128, for bit i of |tick| (the contract's constants).
    private static final BigInteger[] INVERSE_SQRT_POWERS = {
            hex("fffcb933bd6fad37aa2d162d1a594001"), hex("fff97272373d413259a46990580e213a"),
            hex("fff2e50f5f656932ef12357cf3c7fdcc"), hex("ffe5caca7e10e4e61c3624eaa0941cd0"),
            hex("ffcb9843d60f6159c9db58835c926644"), hex("ff973b41fa98c081472e6896dfb254c0"),
            hex("ff2ea16466c96a3843ec78b326b52861"), hex("fe5dee046a99a2a811c461f1969c3053"),
            hex("fcbe86c7900a88aedcffc83b479aa3a4"), hex("f987a7253ac413176f2b074cf7815e54"),
            hex("f3392b0822b70005940c7a398e4b70f3"), hex("e7159475a2c29b7443b29c7fa6e889d9"),
            hex("d097f3bdfd2022b8845ad8f792aa5825"), hex("a9f746462d870fdf8a65dc1f90e061e5"),
            hex("70d869a156d2a1b890bb3df62baf32f7"), hex("31be135f97d08fd981231505542fcfa6"),
            hex("9aa508b5b7a84e1c677de54f3e99bc9"), hex("5d6af8dedb81196699c329225ee604"),
            hex("2216e584f5fa1ea926041bedfe98"), hex("48a170391f7dc42444e8fa2"),
    };
    private static final BigInteger LOG_SQRT10001_MULTIPLIER = new BigInteger("255738958999603826347141");
    private static final BigInteger TICK_LOW_OFFSET = new BigInteger("3402992956809132418596140100660247210");
    private static final BigInteger TICK_HIGH_OFFSET = new BigInteger("291339464771989622907027621153398088495");
    private static final BigInteger MASK_32 = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);

    private ReferenceTickMath() {
    }

    /**
     * {@code sqrt(1.0001^tick) * 2^96} as a Q64.96, computed as the contract does: a Q128.128 product of the
     * per-bit constants, inverted for positive ticks, then divided by {@code 2^32} <b>rounding up</b> (so that
     * {@link #getTickAtSqrtRatio} of the result is {@code tick}).
     *
     * @throws AmmMathException {@link AmmMathException.Reason#TICK_OUT_OF_RANGE} ('T') if {@code |tick| > MAX_TICK}
     */
    static BigInteger getSqrtRatioAtTick(int tick) {
        if (tick < MIN_TICK || tick > MAX_TICK) {
            throw new AmmMathException(AmmMathException.Reason.TICK_OUT_OF_RANGE,
                    "TickMath.getSqrtRatioAtTick: tick " + tick + " is outside [" + MIN_TICK + ", " + MAX_TICK + "]");
        }
        int absTick = Math.abs(tick);
        BigInteger ratio = (absTick & 1) != 0 ? INVERSE_SQRT_POWERS[0] : FixedPoint.Q128;
        for (int bit = 1; bit < INVERSE_SQRT_POWERS.length; bit++) {
            if ((absTick & (1 << bit)) != 0) {
                ratio = ratio.multiply(INVERSE_SQRT_POWERS[bit]).shiftRight(128);
            }
        }
        if (tick > 0) {
            ratio = SolidityUint.MAX_UINT256.divide(ratio);
        }
        BigInteger sqrtPriceX96 = ratio.shiftRight(32);
        return ratio.and(MASK_32).signum() == 0 ? sqrtPriceX96 : sqrtPriceX96.add(BigInteger.ONE);
    }

    /**
     * The greatest tick whose sqrt ratio is at most {@code sqrtPriceX96} (the <b>floor</b>), by the contract's
     * fixed-point log2 and its check of the upper candidate against {@link #getSqrtRatioAtTick}.
     *
     * @throws AmmMathException {@link AmmMathException.Reason#SQRT_RATIO_OUT_OF_RANGE} ('R') unless
     *         {@code MIN_SQRT_RATIO <= sqrtPriceX96 < MAX_SQRT_RATIO}
     */
    static int getTickAtSqrtRatio(BigInteger sqrtPriceX96) {
        SolidityUint.require("sqrtPriceX96", sqrtPriceX96, 160);
        if (sqrtPriceX96.compareTo(MIN_SQRT_RATIO) < 0 || sqrtPriceX96.compareTo(MAX_SQRT_RATIO) >= 0) {
            throw new AmmMathException(AmmMathException.Reason.SQRT_RATIO_OUT_OF_RANGE,
                    "TickMath.getTickAtSqrtRatio: sqrtPriceX96 " + sqrtPriceX96 + " is outside [MIN_SQRT_RATIO "
                            + MIN_SQRT_RATIO + ", MAX_SQRT_RATIO " + MAX_SQRT_RATIO + ")");
        }
        BigInteger ratio = sqrtPriceX96.shiftLeft(32);
        int msb = ratio.bitLength() - 1;
        BigInteger r = msb >= 128 ? ratio.shiftRight(msb - 127) : ratio.shiftLeft(127 - msb);
        BigInteger log2 = BigInteger.valueOf(msb - 128).shiftLeft(64);
        for (int bit = 63; bit >= 50; bit--) {
            r = r.multiply(r).shiftRight(127);
            int f = r.testBit(128) ? 1 : 0;
            if (f == 1) {
                log2 = log2.setBit(bit);
                r = r.shiftRight(1);
            }
        }
        BigInteger logSqrt10001 = log2.multiply(LOG_SQRT10001_MULTIPLIER);
        int tickLow = logSqrt10001.subtract(TICK_LOW_OFFSET).shiftRight(128).intValueExact();
        int tickHigh = logSqrt10001.add(TICK_HIGH_OFFSET).shiftRight(128).intValueExact();
        if (tickLow == tickHigh) {
            return tickLow;
        }
        return getSqrtRatioAtTick(tickHigh).compareTo(sqrtPriceX96) <= 0 ? tickHigh : tickLow;
    }

    private static BigInteger hex(String digits) {
        return new BigInteger(digits, 16);
    }
}
