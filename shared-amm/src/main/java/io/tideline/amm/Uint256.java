package io.tideline.amm;

import java.math.BigInteger;

/**
 * A Solidity unsigned integer (up to {@code uint256}) as the allocation-free overloads take and return it: a
 * {@code long[4]} of 64-bit limbs, least significant first, each limb read as unsigned. Conversions from and to
 * {@link BigInteger} are here, for the edges of a hot loop.
 */
public final class Uint256 {

    /** Limbs in a value: {@code long[LIMBS]}. */
    public static final int LIMBS = 4;

    private Uint256() {
    }

    /** A new {@code long[4]} holding {@code value}, which must be a uint256. */
    public static long[] of(BigInteger value) {
        long[] limbs = new long[LIMBS];
        set(limbs, value);
        return limbs;
    }

    /** A new {@code long[4]} holding zero, to be written by an allocation-free overload. */
    public static long[] zero() {
        return new long[LIMBS];
    }

    /** Writes {@code value}, which must be a uint256, into {@code limbs}. */
    public static void set(long[] limbs, BigInteger value) {
        requireShape("limbs", limbs);
        SolidityUint.require("value", value, 256);
        int bits = value.bitLength();
        for (int i = 0; i < LIMBS; i++) {
            limbs[i] = 64 * i < bits ? Limbs.limb(value, i) : 0;
        }
    }

    /** The value of four limbs. */
    public static BigInteger toBigInteger(long[] limbs) {
        requireShape("limbs", limbs);
        return Limbs.toBigInteger(limbs[3], limbs[2], limbs[1], limbs[0]);
    }

    /** Refuses limbs that are not a {@code uint<bits>}, as {@link SolidityUint#require} refuses a BigInteger. */
    static void require(String name, long[] limbs, int bits) {
        // The common case, checked without a loop: four limbs, nothing set above the type's width.
        if (limbs != null && limbs.length == LIMBS) {
            boolean fits = switch (bits) {
                case 256 -> true;
                case 160 -> (limbs[3] | (limbs[2] >>> 32)) == 0;
                case 128 -> (limbs[3] | limbs[2]) == 0;
                default -> false;
            };
            if (fits) {
                return;
            }
        }
        requireSlowly(name, limbs, bits);
    }

    private static void requireSlowly(String name, long[] limbs, int bits) {
        requireShape(name, limbs);
        int full = bits / 64;
        int partial = bits % 64;
        boolean fits = true;
        for (int i = full; i < LIMBS; i++) {
            long allowed = i == full && partial != 0 ? limbs[i] >>> partial : limbs[i];
            if (allowed != 0) {
                fits = false;
            }
        }
        if (!fits) {
            throw new IllegalArgumentException(name + " must be a uint" + bits + ", was " + toBigInteger(limbs));
        }
    }

    private static void requireShape(String name, long[] limbs) {
        if (limbs == null) {
            throw new NullPointerException(name + " is null");
        }
        if (limbs.length != LIMBS) {
            throw new IllegalArgumentException(name + " must be a long[" + LIMBS + "], was a long[" + limbs.length + "]");
        }
    }

    /** Whether {@code a < b}, both four limbs. */
    static boolean lessThan(long[] a, long[] b) {
        for (int i = LIMBS - 1; i >= 0; i--) {
            if (a[i] != b[i]) {
                return Long.compareUnsigned(a[i], b[i]) < 0;
            }
        }
        return false;
    }

    static boolean isZero(long[] a) {
        return (a[0] | a[1] | a[2] | a[3]) == 0;
    }

    static void copy(long[] from, long[] to) {
        to[0] = from[0];
        to[1] = from[1];
        to[2] = from[2];
        to[3] = from[3];
    }

    static void clear(long[] a) {
        a[0] = 0;
        a[1] = 0;
        a[2] = 0;
        a[3] = 0;
    }

    /** {@code out = a - b} over four limbs for {@code a >= b}. */
    static void subtract(long[] a, long[] b, long[] out) {
        long borrow = 0;
        for (int i = 0; i < LIMBS; i++) {
            long ai = a[i];
            long d = ai - b[i];
            long nextBorrow = Long.compareUnsigned(ai, b[i]) < 0 ? 1 : 0;
            long d2 = d - borrow;
            if (Long.compareUnsigned(d, borrow) < 0) {
                nextBorrow = 1;
            }
            out[i] = d2;
            borrow = nextBorrow;
        }
    }

    /** {@code a += 1} over four limbs (wrapping, callers know it does not overflow). */
    static void increment(long[] a) {
        for (int i = 0; i < LIMBS; i++) {
            if (++a[i] != 0) {
                return;
            }
        }
    }
}
