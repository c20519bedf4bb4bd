package io.tideline.amm;

import java.math.BigInteger;

/**
 * Ticks and Q64.96 square-root prices, as v3-core's {@code TickMath}: the price at tick {@code i} is
 * {@code 1.0001^i} (token1 per token0, in raw units) and {@code sqrtPriceX96 = sqrt(price) * 2^96}.
 *
 * <p>The contract's algorithms are kept step for step (the per-bit Q128.128 constants, the fixed-point log2), on
 * 64-bit limbs instead of {@code uint256}: the values never need more than four of them.
 */
public final class TickMath {

    /** The lowest tick, {@code log base 1.0001 of 2^-128}. */
    public static final int MIN_TICK = -887272;
    /** The highest tick, {@code -MIN_TICK}. */
    public static final int MAX_TICK = 887272;
    /** {@code getSqrtRatioAtTick(MIN_TICK)}: the lowest sqrt price, and the lowest {@link #getTickAtSqrtRatio} takes. */
    public static final BigInteger MIN_SQRT_RATIO = new BigInteger("4295128739");
    /** {@code getSqrtRatioAtTick(MAX_TICK)}: one above the highest sqrt price {@link #getTickAtSqrtRatio} takes. */
    public static final BigInteger MAX_SQRT_RATIO = new BigInteger("1461446703485210103287273052203988822378723970342");

    // 2^128 / sqrt(1.0001)^(2^i) as Q128.128, for bit i of |tick| (the contract's constants), as high and low limbs.
    private static final long[] INVERSE_SQRT_POWER_HIGH = new long[20];
    private static final long[] INVERSE_SQRT_POWER_LOW = new long[20];

    static {
        String[] constants = {
                "fffcb933bd6fad37aa2d162d1a594001", "fff97272373d413259a46990580e213a",
                "fff2e50f5f656932ef12357cf3c7fdcc", "ffe5caca7e10e4e61c3624eaa0941cd0",
                "ffcb9843d60f6159c9db58835c926644", "ff973b41fa98c081472e6896dfb254c0",
                "ff2ea16466c96a3843ec78b326b52861", "fe5dee046a99a2a811c461f1969c3053",
                "fcbe86c7900a88aedcffc83b479aa3a4", "f987a7253ac413176f2b074cf7815e54",
                "f3392b0822b70005940c7a398e4b70f3", "e7159475a2c29b7443b29c7fa6e889d9",
                "d097f3bdfd2022b8845ad8f792aa5825", "a9f746462d870fdf8a65dc1f90e061e5",
                "70d869a156d2a1b890bb3df62baf32f7", "31be135f97d08fd981231505542fcfa6",
                "9aa508b5b7a84e1c677de54f3e99bc9", "5d6af8dedb81196699c329225ee604",
                "2216e584f5fa1ea926041bedfe98", "48a170391f7dc42444e8fa2",
        };
        for (int bit = 0; bit < constants.length; bit++) {
            BigInteger constant = new BigInteger(constants[bit], 16);
            INVERSE_SQRT_POWER_HIGH[bit] = constant.shiftRight(64).longValue();
            INVERSE_SQRT_POWER_LOW[bit] = constant.longValue();
        }
    }

    // log_sqrt10001 = log_2 * 255738958999603826347141, and the two offsets that bracket the tick (the contract's).
    private static final long LOG_SQRT10001_MULTIPLIER_HIGH = 0x3627L;
    private static final long LOG_SQRT10001_MULTIPLIER_LOW = 0xA301D71055774C85L;
    private static final long TICK_LOW_OFFSET_HIGH = 0x28F6481AB7F045AL;
    private static final long TICK_LOW_OFFSET_LOW = 0x5AF012A19D003AAAL;
    private static final long TICK_HIGH_OFFSET_HIGH = 0xDB2DF09E81959A81L;
    private static final long TICK_HIGH_OFFSET_LOW = 0x455E260799A0632FL;

    private static final long[] ALL_ONES_256 = {-1L, -1L, -1L, -1L};
    private static final long MIN_SQRT_RATIO_HIGH = Limbs.limb(MIN_SQRT_RATIO, 2);
    private static final long MIN_SQRT_RATIO_MIDDLE = Limbs.limb(MIN_SQRT_RATIO, 1);
    private static final long MIN_SQRT_RATIO_LOW = MIN_SQRT_RATIO.longValue();
    private static final long MAX_SQRT_RATIO_HIGH = Limbs.limb(MAX_SQRT_RATIO, 2);
    private static final long MAX_SQRT_RATIO_MIDDLE = Limbs.limb(MAX_SQRT_RATIO, 1);
    private static final long MAX_SQRT_RATIO_LOW = MAX_SQRT_RATIO.longValue();

    private TickMath() {
    }

    /**
     * {@code sqrt(1.0001^tick) * 2^96} as a Q64.96, computed as the contract does: a Q128.128 product of the
     * per-bit constants (each step rounding down), inverted for positive ticks ({@code (2^256 - 1) / ratio}, rounding
     * down), then divided by {@code 2^32} <b>rounding up</b>, so that {@link #getTickAtSqrtRatio} of the result is
     * {@code tick}.
     *
     * @throws AmmMathException {@link AmmMathException.Reason#TICK_OUT_OF_RANGE} ('T') if {@code |tick| > MAX_TICK}
     */
    public static BigInteger getSqrtRatioAtTick(int tick) {
        long[] ratio = new long[Uint256.LIMBS];
        sqrtRatioAtTick(tick, ratio, LimbScratch.get());
        return Limbs.toBigInteger(ratio[2], ratio[1], ratio[0]);
    }

    /**
     * {@link #getSqrtRatioAtTick(int)} allocating nothing: the sqrt price is written to {@code sqrtPriceX96}, a
     * {@link Uint256} {@code long[4]}.
     *
     * @throws AmmMathException {@link AmmMathException.Reason#TICK_OUT_OF_RANGE} ('T') if {@code |tick| > MAX_TICK}
     */
    public static void getSqrtRatioAtTick(int tick, long[] sqrtPriceX96) {
        if (sqrtPriceX96 == null || sqrtPriceX96.length != Uint256.LIMBS) {
            throw new IllegalArgumentException("sqrtPriceX96 must be a long[" + Uint256.LIMBS + "]");
        }
        sqrtRatioAtTick(tick, sqrtPriceX96, LimbScratch.get());
    }

    /**
     * The greatest tick whose sqrt ratio is at most {@code sqrtPriceX96} (the <b>floor</b>), by the contract's
     * fixed-point log2 and its check of the upper candidate against {@link #getSqrtRatioAtTick}.
     *
     * @throws AmmMathException {@link AmmMathException.Reason#SQRT_RATIO_OUT_OF_RANGE} ('R') unless
     *         {@code MIN_SQRT_RATIO <= sqrtPriceX96 < MAX_SQRT_RATIO}
     */
    public static int getTickAtSqrtRatio(BigInteger sqrtPriceX96) {
        SolidityUint.require("sqrtPriceX96", sqrtPriceX96, 160);
        requireInRange(sqrtPriceX96);
        return tickAtSqrtRatio(Limbs.limb(sqrtPriceX96, 2), Limbs.limb(sqrtPriceX96, 1), sqrtPriceX96.longValue(),
                sqrtPriceX96.bitLength());
    }

    /**
     * {@link #getTickAtSqrtRatio(BigInteger)} allocating nothing, for a {@link Uint256} {@code long[4]}.
     *
     * @throws AmmMathException {@link AmmMathException.Reason#SQRT_RATIO_OUT_OF_RANGE} ('R') unless
     *         {@code MIN_SQRT_RATIO <= sqrtPriceX96 < MAX_SQRT_RATIO}
     */
    public static int getTickAtSqrtRatio(long[] sqrtPriceX96) {
        Uint256.require("sqrtPriceX96", sqrtPriceX96, 160);
        long high = sqrtPriceX96[2];
        long middle = sqrtPriceX96[1];
        long low = sqrtPriceX96[0];
        if (isBelow(high, middle, low, MIN_SQRT_RATIO_HIGH, MIN_SQRT_RATIO_MIDDLE, MIN_SQRT_RATIO_LOW)
                || !isBelow(high, middle, low, MAX_SQRT_RATIO_HIGH, MAX_SQRT_RATIO_MIDDLE, MAX_SQRT_RATIO_LOW)) {
            requireInRange(Uint256.toBigInteger(sqrtPriceX96));
        }
        int bits = high != 0 ? 192 - Long.numberOfLeadingZeros(high)
                : middle != 0 ? 128 - Long.numberOfLeadingZeros(middle) : 64 - Long.numberOfLeadingZeros(low);
        return tickAtSqrtRatio(high, middle, low, bits);
    }

    private static void requireInRange(BigInteger sqrtPriceX96) {
        if (sqrtPriceX96.compareTo(MIN_SQRT_RATIO) < 0
                || sqrtPriceX96.compareTo(MAX_SQRT_RATIO) >= 0) {
            throw new AmmMathException(AmmMathException.Reason.SQRT_RATIO_OUT_OF_RANGE,
                    "TickMath.getTickAtSqrtRatio: sqrtPriceX96 " + sqrtPriceX96 + " is outside [MIN_SQRT_RATIO "
                            + MIN_SQRT_RATIO + ", MAX_SQRT_RATIO " + MAX_SQRT_RATIO + ")");
        }
    }

    private static boolean isBelow(long high, long middle, long low, long otherHigh, long otherMiddle, long otherLow) {
        if (high != otherHigh) {
            return Long.compareUnsigned(high, otherHigh) < 0;
        }
        if (middle != otherMiddle) {
            return Long.compareUnsigned(middle, otherMiddle) < 0;
        }
        return Long.compareUnsigned(low, otherLow) < 0;
    }

    /** The contract's getTickAtSqrtRatio on a sqrt price already checked to be in range, of {@code bits} bits. */
    private static int tickAtSqrtRatio(long high, long middle, long low, int bits) {
        // ratio = sqrtPriceX96 << 32 and msb its most significant bit; r = ratio moved so that msb lands on bit 127.
        // The low 32 bits of ratio are zero, so r is sqrtPriceX96 moved so that its top bit lands on bit 127.
        int msb = bits - 1 + 32;
        int shiftLeft = 128 - bits;
        long rHigh;
        long rLow;
        if (shiftLeft >= 64) {
            rHigh = low << (shiftLeft - 64);
            rLow = 0;
        } else if (shiftLeft > 0) {
            rHigh = (middle << shiftLeft) | (low >>> (64 - shiftLeft));
            rLow = low << shiftLeft;
        } else if (shiftLeft == 0) {
            rHigh = middle;
            rLow = low;
        } else {
            int shiftRight = -shiftLeft;
            rHigh = (high << (64 - shiftRight)) | (middle >>> shiftRight);
            rLow = (middle << (64 - shiftRight)) | (low >>> shiftRight);
        }

        // log_2 = (msb - 128) << 64, then 14 fraction bits by repeated squaring: r = r * r >> 127, and if that reached
        // 2^128 the bit is set and r halved.
        long log2Fraction = 0;
        for (int bit = 63; bit >= 50; bit--) {
            long a0 = rLow;
            long a1 = rHigh;
            long l00 = a0 * a0;
            long h00 = Limbs.unsignedMultiplyHigh(a0, a0);
            long l01 = a0 * a1;
            long h01 = Limbs.unsignedMultiplyHigh(a0, a1);
            long l11 = a1 * a1;
            long h11 = Limbs.unsignedMultiplyHigh(a1, a1);
            // square = w3:w2:w1:w0 = a0^2 + 2 * a0 * a1 * 2^64 + a1^2 * 2^128
            long w1 = h00 + l01;
            long carry = Long.compareUnsigned(w1, h00) < 0 ? 1 : 0;
            long w1b = w1 + l01;
            carry += Long.compareUnsigned(w1b, w1) < 0 ? 1 : 0;
            long w2 = l11 + h01;
            long carry2 = Long.compareUnsigned(w2, l11) < 0 ? 1 : 0;
            long w2b = w2 + h01;
            carry2 += Long.compareUnsigned(w2b, w2) < 0 ? 1 : 0;
            long w2c = w2b + carry;
            carry2 += Long.compareUnsigned(w2c, w2b) < 0 ? 1 : 0;
            long w3 = h11 + carry2;
            if (w3 < 0) {
                // square >> 127 has bit 128 set: f = 1, r = square >> 128.
                log2Fraction |= 1L << bit;
                rHigh = w3;
                rLow = w2c;
            } else {
                rHigh = (w3 << 1) | (w2c >>> 63);
                rLow = (w2c << 1) | (w1b >>> 63);
            }
        }

        // log_sqrt10001 = log_2 * 255738958999603826347141 (a Q128.128), log_2 = (msb - 128) * 2^64 + log2Fraction.
        // It is signed: held as 256-bit two's complement, of which only the low three limbs x2:x1:x0 reach the int24
        // that ">> 128" yields.
        long integerPart = msb - 128;
        long k0 = LOG_SQRT10001_MULTIPLIER_LOW;
        long k1 = LOG_SQRT10001_MULTIPLIER_HIGH;
        // log2Fraction * K (64 x 78 bits)
        long x0 = log2Fraction * k0;
        long fractionHigh = Limbs.unsignedMultiplyHigh(log2Fraction, k0);
        long fraction1 = fractionHigh + log2Fraction * k1;
        long fraction2 = Limbs.unsignedMultiplyHigh(log2Fraction, k1)
                + (Long.compareUnsigned(fraction1, fractionHigh) < 0 ? 1 : 0);
        // integerPart * K * 2^64 (limbs 1 and 2), negated in two's complement when integerPart < 0
        long magnitude = Math.abs(integerPart);
        long integer1 = magnitude * k0;
        long integer2 = Limbs.unsignedMultiplyHigh(magnitude, k0) + magnitude * k1;
        if (integerPart < 0) {
            integer2 = ~integer2 + (integer1 == 0 ? 1 : 0);
            integer1 = -integer1;
        }
        long x1 = fraction1 + integer1;
        long x2 = fraction2 + integer2 + (Long.compareUnsigned(x1, fraction1) < 0 ? 1 : 0);

        int tickLow = (int) limb2OfSum(x2, x1, x0, ~TICK_LOW_OFFSET_HIGH, ~TICK_LOW_OFFSET_LOW, true);
        int tickHigh = (int) limb2OfSum(x2, x1, x0, TICK_HIGH_OFFSET_HIGH, TICK_HIGH_OFFSET_LOW, false);
        if (tickLow == tickHigh) {
            return tickLow;
        }
        long[] atTickHigh = LimbScratch.get().third;
        sqrtRatioAtTick(tickHigh, atTickHigh, LimbScratch.get());
        return isBelow(high, middle, low, atTickHigh[2], atTickHigh[1], atTickHigh[0]) ? tickLow : tickHigh;
    }

    /**
     * Limb 2 of {@code x + y} in two's complement, i.e. the low 64 bits of {@code (x + y) >> 128}: the tick, which
     * fits in 24 bits. {@code y} is a 128-bit offset, or minus one ({@code ~offset} with {@code plusOne}, sign-extended).
     */
    private static long limb2OfSum(long x2, long x1, long x0, long yHigh, long yLow, boolean plusOne) {
        long s0 = x0 + yLow;
        long carry = Long.compareUnsigned(s0, x0) < 0 ? 1 : 0;
        if (plusOne && s0 + 1 == 0) {
            carry++;
        }
        long s1 = x1 + yHigh;
        long carry1 = Long.compareUnsigned(s1, x1) < 0 ? 1 : 0;
        if (Long.compareUnsigned(s1 + carry, s1) < 0) {
            carry1++;
        }
        return x2 + (plusOne ? -1L : 0L) + carry1;
    }

    /** The contract's getSqrtRatioAtTick on limbs, into {@code out} (four limbs). */
    static void sqrtRatioAtTick(int tick, long[] out, LimbScratch scratch) {
        if (tick < MIN_TICK || tick > MAX_TICK) {
            throw new AmmMathException(AmmMathException.Reason.TICK_OUT_OF_RANGE,
                    "TickMath.getSqrtRatioAtTick: tick " + tick + " is outside [" + MIN_TICK + ", " + MAX_TICK + "]");
        }
        int absTick = Math.abs(tick);
        if (absTick == 0) {
            out[0] = 0;
            out[1] = 1L << 32;
            out[2] = 0;
            out[3] = 0;
            return;
        }
        // ratio = product of the constants for the set bits of |tick|, each step (ratio * c) >> 128; it starts at
        // 2^128 (1.0) or at the bit-0 constant, and once multiplied stays below 2^128.
        boolean ratioIsOne = (absTick & 1) == 0;
        long ratioHigh = ratioIsOne ? 0 : INVERSE_SQRT_POWER_HIGH[0];
        long ratioLow = ratioIsOne ? 0 : INVERSE_SQRT_POWER_LOW[0];
        for (int bit = 1; bit < INVERSE_SQRT_POWER_HIGH.length; bit++) {
            if ((absTick & (1 << bit)) == 0) {
                continue;
            }
            long b1 = INVERSE_SQRT_POWER_HIGH[bit];
            long b0 = INVERSE_SQRT_POWER_LOW[bit];
            if (ratioIsOne) {
                ratioHigh = b1;
                ratioLow = b0;
                ratioIsOne = false;
                continue;
            }
            long a1 = ratioHigh;
            long a0 = ratioLow;
            long h00 = Limbs.unsignedMultiplyHigh(a0, b0);
            long l01 = a0 * b1;
            long h01 = Limbs.unsignedMultiplyHigh(a0, b1);
            long l10 = a1 * b0;
            long h10 = Limbs.unsignedMultiplyHigh(a1, b0);
            long l11 = a1 * b1;
            long h11 = Limbs.unsignedMultiplyHigh(a1, b1);
            // product limb 1 = h00 + l01 + l10 (only its carries matter), limb 2 = h01 + h10 + l11 + carries, limb 3
            long w1 = h00 + l01;
            long carry = Long.compareUnsigned(w1, h00) < 0 ? 1 : 0;
            long w1b = w1 + l10;
            carry += Long.compareUnsigned(w1b, w1) < 0 ? 1 : 0;
            long w2 = h01 + h10;
            long carry2 = Long.compareUnsigned(w2, h01) < 0 ? 1 : 0;
            long w2b = w2 + l11;
            carry2 += Long.compareUnsigned(w2b, w2) < 0 ? 1 : 0;
            long w2c = w2b + carry;
            carry2 += Long.compareUnsigned(w2c, w2b) < 0 ? 1 : 0;
            ratioHigh = h11 + carry2;
            ratioLow = w2c;
        }
        long high;
        long middle;
        long low;
        if (tick > 0) {
            // ratio = type(uint256).max / ratio: up to 192 bits
            long[] divisor = scratch.divisor;
            long[] quotient = scratch.quotient;
            divisor[0] = ratioLow;
            divisor[1] = ratioHigh;
            int divisorLimbs = ratioHigh == 0 ? 1 : 2;
            Limbs.divide(ALL_ONES_256, 4, divisor, divisorLimbs, quotient, scratch.work, scratch.divisorNormalised);
            low = quotient[0];
            middle = quotient[1];
            high = quotient[2];
        } else {
            high = 0;
            middle = ratioHigh;
            low = ratioLow;
        }
        // sqrtPriceX96 = (ratio >> 32) + (ratio % 2^32 == 0 ? 0 : 1): from Q128.128 to Q64.96, rounding up
        boolean roundUp = (low & 0xFFFF_FFFFL) != 0;
        long resultLow = (low >>> 32) | (middle << 32);
        long resultMiddle = (middle >>> 32) | (high << 32);
        long resultHigh = high >>> 32;
        if (roundUp) {
            resultLow++;
            if (resultLow == 0) {
                resultMiddle++;
                if (resultMiddle == 0) {
                    resultHigh++;
                }
            }
        }
        out[0] = resultLow;
        out[1] = resultMiddle;
        out[2] = resultHigh;
        out[3] = 0;
    }
}
