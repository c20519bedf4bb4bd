package io.tideline.analytics.backtest;

import java.math.BigInteger;

/**
 * The exact integer steps of a backtest's per-bar path (a token0 amount valued at a squared price, the short's move
 * between two prices, the fee share's {@code a · b / c}) on 64-bit limbs, for operands that fit: unsigned 128-bit
 * values are given as two longs (high, low), squared prices as four limbs, least significant first. Each step answers
 * the exact integer when it fits a long and {@link #NO_FIT} otherwise; the caller then takes the same step with
 * {@link BigInteger}, so every figure is the same integer either way. Products go into a caller's scratch array: a
 * step allocates nothing.
 */
final class BarMath {

    /** A step's answer when the result does not fit (never an exact answer: results are kept above it). */
    static final long NO_FIT = Long.MIN_VALUE;

    /** Limbs of the scratch a step multiplies into. */
    static final int SCRATCH = 6;

    private static final double TWO_64 = 0x1p64;
    private static final double QUOTIENT_LIMIT = 0x1p50;
    private static final int CORRECTIONS = 8;

    private BarMath() {
    }

    /** {@code floor(x · s / 2^192)} for an unsigned 128-bit x and a four-limb s; {@link #NO_FIT} from 2^63. */
    static long mulShift192(long xHigh, long xLow, long[] s, long[] scratch) {
        multiply(xHigh, xLow, s, scratch);
        if ((scratch[4] | scratch[5]) != 0 || scratch[3] < 0) {
            return NO_FIT;
        }
        return scratch[3];
    }

    /**
     * {@code floor(x · (a − b) / 2^192)} for an unsigned 128-bit x and four-limb a and b, rounded toward −∞ as
     * {@link BigInteger#shiftRight} rounds; {@link #NO_FIT} unless the magnitude is below 2^63 − 1.
     */
    static long mulDifferenceShift192(long xHigh, long xLow, long[] a, long[] b, long[] difference, long[] scratch) {
        boolean negative = lessThan(a, b);
        if (negative) {
            subtract(b, a, difference);
        } else {
            subtract(a, b, difference);
        }
        multiply(xHigh, xLow, difference, scratch);
        long q = scratch[3];
        if ((scratch[4] | scratch[5]) != 0 || q < 0 || q == Long.MAX_VALUE) {
            return NO_FIT;
        }
        if (!negative) {
            return q;
        }
        boolean inexact = (scratch[0] | scratch[1] | scratch[2]) != 0;
        return -q - (inexact ? 1 : 0);
    }

    /**
     * {@code floor(a · b / c)} for a long {@code a >= 0} and unsigned 128-bit b and c (c not 0); {@link #NO_FIT}
     * from 2^50. The quotient is estimated in doubles and then corrected until {@code q·c <= a·b < (q + 1)·c} holds
     * in exact integers, so the estimate's error never reaches the answer.
     */
    static long mulDiv(long a, long bHigh, long bLow, long cHigh, long cLow) {
        if ((cHigh | cLow) == 0 || a < 0) {
            return NO_FIT;
        }
        // p = a · b, three limbs
        long p0 = a * bLow;
        long carry = unsignedMultiplyHigh(a, bLow);
        long p1 = a * bHigh + carry;
        long p2 = unsignedMultiplyHigh(a, bHigh) + (Long.compareUnsigned(p1, carry) < 0 ? 1 : 0);
        double estimate = (toDouble(p2) * TWO_64 + toDouble(p1)) * TWO_64 + toDouble(p0);
        double quotient = estimate / (toDouble(cHigh) * TWO_64 + toDouble(cLow));
        if (!(quotient < QUOTIENT_LIMIT)) {
            return NO_FIT;
        }
        long q = (long) quotient;
        for (int i = 0; i < CORRECTIONS; i++) {
            // m = q · c, three limbs (q >= 0)
            long m0 = q * cLow;
            long c0 = unsignedMultiplyHigh(q, cLow);
            long m1 = q * cHigh + c0;
            long m2 = unsignedMultiplyHigh(q, cHigh) + (Long.compareUnsigned(m1, c0) < 0 ? 1 : 0);
            if (compare(m2, m1, m0, p2, p1, p0) > 0) {
                q--; // q · c > a · b
                if (q < 0) {
                    return NO_FIT;
                }
                continue;
            }
            // r = p − m, three limbs, not negative
            long r0 = p0 - m0;
            long borrow = Long.compareUnsigned(p0, m0) < 0 ? 1 : 0;
            long r1 = p1 - m1 - borrow;
            borrow = Long.compareUnsigned(p1, m1) < 0 || (p1 == m1 && borrow != 0) ? 1 : 0;
            long r2 = p2 - m2 - borrow;
            if (compare(r2, r1, r0, 0, cHigh, cLow) >= 0) {
                q++; // the remainder holds another c
                continue;
            }
            return q;
        }
        return NO_FIT;
    }

    /** {@code a + b}; {@link #NO_FIT} if either is {@link #NO_FIT} or the sum does not fit (or is {@link #NO_FIT}). */
    static long add(long a, long b) {
        long sum = a + b;
        if (a == NO_FIT || b == NO_FIT || ((a ^ sum) & (b ^ sum)) < 0) {
            return NO_FIT;
        }
        return sum;
    }

    /** {@code (high, low) · m} into {@code out[at], out[at + 1]}; false (out unspecified) if it needs over 128 bits. */
    static boolean multiply128(long high, long low, long m, long[] out, int at) {
        long carry = unsignedMultiplyHigh(low, m);
        long top = high * m + carry;
        if (unsignedMultiplyHigh(high, m) != 0 || Long.compareUnsigned(top, carry) < 0) {
            return false;
        }
        out[at] = top;
        out[at + 1] = low * m;
        return true;
    }

    /**
     * Whether {@code x · n > y · m} for unsigned 128-bit x and y and non-negative longs n and m, exactly (products of
     * up to 192 bits).
     */
    static boolean productGreater(long xHigh, long xLow, long n, long yHigh, long yLow, long m) {
        long x0 = xLow * n;
        long cx = unsignedMultiplyHigh(xLow, n);
        long x1 = xHigh * n + cx;
        long x2 = unsignedMultiplyHigh(xHigh, n) + (Long.compareUnsigned(x1, cx) < 0 ? 1 : 0);
        long y0 = yLow * m;
        long cy = unsignedMultiplyHigh(yLow, m);
        long y1 = yHigh * m + cy;
        long y2 = unsignedMultiplyHigh(yHigh, m) + (Long.compareUnsigned(y1, cy) < 0 ? 1 : 0);
        return compare(x2, x1, x0, y2, y1, y0) > 0;
    }

    /**
     * Writes {@code value} into {@code out[at]} (high) and {@code out[at + 1]} (low); false unless
     * {@code 0 <= value < 2^128}.
     */
    static boolean toUnsigned128(BigInteger value, long[] out, int at) {
        int bits = value.bitLength();
        if (value.signum() < 0 || bits > 128) {
            return false;
        }
        if (bits < 64) {
            out[at] = 0;
            out[at + 1] = value.longValue();
            return true;
        }
        out[at] = value.shiftRight(64).longValue();
        out[at + 1] = value.longValue();
        return true;
    }

    /** The unsigned 128-bit value {@code (high, low)}. */
    static BigInteger toBigInteger(long high, long low) {
        if (high == 0 && low >= 0) {
            return BigInteger.valueOf(low);
        }
        byte[] bytes = new byte[17];
        for (int i = 0; i < 8; i++) {
            bytes[1 + i] = (byte) (high >>> (56 - 8 * i));
            bytes[9 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return new BigInteger(bytes);
    }

    /** {@code out[0 .. 6) = (xHigh, xLow) · s[0 .. 4)}, unsigned. */
    static void multiply(long xHigh, long xLow, long[] s, long[] out) {
        long carry = 0;
        for (int j = 0; j < 4; j++) {
            long low = xLow * s[j];
            long high = unsignedMultiplyHigh(xLow, s[j]);
            low += carry;
            high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
            out[j] = low;
            carry = high;
        }
        out[4] = carry;
        carry = 0;
        for (int j = 0; j < 4; j++) {
            long low = xHigh * s[j];
            long high = unsignedMultiplyHigh(xHigh, s[j]);
            low += carry;
            high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
            long sum = out[j + 1] + low;
            high += Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
            out[j + 1] = sum;
            carry = high;
        }
        out[5] = carry;
    }

    /**
     * The square of the four-limb {@code x} (a sqrt price: what valuing token0 multiplies by) into {@code out}; false
     * if it needs over 256 bits, that is if {@code x >= 2^128}. {@code scratch}: six limbs.
     */
    static boolean square(long[] x, long[] out, long[] scratch) {
        if ((x[2] | x[3]) != 0) {
            return false;
        }
        multiply(x[1], x[0], x, scratch);
        out[0] = scratch[0];
        out[1] = scratch[1];
        out[2] = scratch[2];
        out[3] = scratch[3];
        return true;
    }

    /** Whether four limbs {@code a < b}. */
    static boolean lessThan(long[] a, long[] b) {
        for (int i = 3; i >= 0; i--) {
            if (a[i] != b[i]) {
                return Long.compareUnsigned(a[i], b[i]) < 0;
            }
        }
        return false;
    }

    /** {@code out = a − b} over four limbs, {@code a >= b}. */
    private static void subtract(long[] a, long[] b, long[] out) {
        long borrow = 0;
        for (int i = 0; i < 4; i++) {
            long ai = a[i];
            long bi = b[i];
            long d = ai - bi - borrow;
            borrow = Long.compareUnsigned(ai, bi) < 0 || (ai == bi && borrow != 0) ? 1 : 0;
            out[i] = d;
        }
    }

    private static int compare(long a2, long a1, long a0, long b2, long b1, long b0) {
        if (a2 != b2) {
            return Long.compareUnsigned(a2, b2);
        }
        if (a1 != b1) {
            return Long.compareUnsigned(a1, b1);
        }
        return Long.compareUnsigned(a0, b0);
    }

    /** The high 64 bits of the unsigned 128-bit product (Java 17 has only the signed one). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    private static double toDouble(long unsigned) {
        double d = (double) (unsigned >>> 1) * 2.0;
        return d + (unsigned & 1);
    }
}
