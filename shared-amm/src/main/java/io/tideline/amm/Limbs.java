package io.tideline.amm;

import java.math.BigInteger;

/** Unsigned integers held as 64-bit (or 32-bit) limbs, and their conversion from and to {@link BigInteger}. */
final class Limbs {

    private Limbs() {
    }

    /** The high 64 bits of the unsigned 128-bit product {@code a * b} (Java 17 has only the signed one). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** The unsigned value {@code high * 2^128 + middle * 2^64 + low}. */
    static BigInteger toBigInteger(long high, long middle, long low) {
        if (high == 0 && middle == 0 && low >= 0) {
            return BigInteger.valueOf(low);
        }
        byte[] magnitude = new byte[24];
        putLong(magnitude, 0, high);
        putLong(magnitude, 8, middle);
        putLong(magnitude, 16, low);
        return new BigInteger(1, magnitude);
    }

    /** A non-zero unsigned 128-bit value as little-endian 32-bit limbs without leading zero limbs. */
    static int[] toLimbs32(long high, long low) {
        int[] all = {(int) low, (int) (low >>> 32), (int) high, (int) (high >>> 32)};
        int length = 4;
        while (length > 1 && all[length - 1] == 0) {
            length--;
        }
        if (length == 4) {
            return all;
        }
        int[] trimmed = new int[length];
        System.arraycopy(all, 0, trimmed, 0, length);
        return trimmed;
    }

    /** The 64-bit limb made of 32-bit limbs {@code from} and {@code from + 1} (zero beyond the array). */
    static long limb64(int[] limbs, int from) {
        long low = from < limbs.length ? limbs[from] & 0xFFFF_FFFFL : 0;
        long high = from + 1 < limbs.length ? limbs[from + 1] & 0xFFFF_FFFFL : 0;
        return (high << 32) | low;
    }

    private static void putLong(byte[] bytes, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
