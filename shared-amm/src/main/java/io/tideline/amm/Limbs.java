package io.tideline.amm;

import java.math.BigInteger;

/**
 * Unsigned integers held as little-endian 64-bit limbs (limb 0 least significant): products, shifts and Knuth's
 * Algorithm D (TAOCP 4.3.1) with 64-bit digits, allocating nothing. After Möller–Granlund ("Improved division by
 * invariant integers", 2011) and GMP's schoolbook division: each quotient digit comes from a three-by-two division
 * with a precomputed reciprocal of the divisor's top two limbs (two multiplications, no correction loop), and that
 * reciprocal from a table and Newton steps, so no division uses a hardware divide (Java has no 128-by-64 one).
 */
final class Limbs {

    /** Möller–Granlund's {@code LUT[i] = floor((2^19 - 3 * 2^8) / (256 + i))}: 11-bit reciprocals of 9-bit tops. */
    private static final long[] RECIPROCAL_TABLE = new long[256];

    static {
        for (int i = 0; i < RECIPROCAL_TABLE.length; i++) {
            RECIPROCAL_TABLE[i] = ((1L << 19) - 3 * (1L << 8)) / (256 + i);
        }
    }

    private Limbs() {
    }

    /** The high 64 bits of the unsigned 128-bit product {@code a * b} (Java 17 has only the signed one). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** The unsigned value {@code high * 2^128 + middle * 2^64 + low}. */
    static BigInteger toBigInteger(long high, long middle, long low) {
        return toBigInteger(0, high, middle, low);
    }

    /** The unsigned value of four limbs, most significant first. */
    static BigInteger toBigInteger(long limb3, long limb2, long limb1, long limb0) {
        if (limb3 == 0 && limb2 == 0 && limb1 == 0 && limb0 >= 0) {
            return BigInteger.valueOf(limb0);
        }
        byte[] magnitude = new byte[32];
        putLong(magnitude, 0, limb3);
        putLong(magnitude, 8, limb2);
        putLong(magnitude, 16, limb1);
        putLong(magnitude, 24, limb0);
        return new BigInteger(1, magnitude);
    }

    /**
     * The unsigned value of four limbs, most significant first, as a double within a relative 2^-50 of it (at most
     * seven roundings of 2^-53: one per limb converted, one per addition; the scalings by 2^64 are exact).
     */
    static double toDouble(long limb3, long limb2, long limb1, long limb0) {
        return ((unsignedToDouble(limb3) * 0x1p64 + unsignedToDouble(limb2)) * 0x1p64 + unsignedToDouble(limb1))
                * 0x1p64 + unsignedToDouble(limb0);
    }

    /** The unsigned limb as a double, rounded once (to nearest). */
    private static double unsignedToDouble(long limb) {
        // at 2^63 and above: halved, keeping the lowest bit as a sticky bit so that the rounding is the same
        return limb >= 0 ? (double) limb : (double) ((limb >>> 1) | (limb & 1)) * 2.0;
    }

    /** Limb {@code index} (64 bits, least significant is 0) of a non-negative {@code value}. */
    static long limb(BigInteger value, int index) {
        return index == 0 ? value.longValue() : value.shiftRight(64 * index).longValue();
    }

    /** How many limbs of {@code x[0 .. length)} are significant (0 for zero). */
    static int significant(long[] x, int length) {
        int n = length;
        while (n > 0 && x[n - 1] == 0) {
            n--;
        }
        return n;
    }

    /** {@code out[0 .. na + nb) = a[0 .. na) * b[0 .. nb)}; {@code out} must not be {@code a} or {@code b}. */
    static void multiply(long[] a, int na, long[] b, int nb, long[] out) {
        for (int i = 0; i < na + nb; i++) {
            out[i] = 0;
        }
        for (int i = 0; i < na; i++) {
            long ai = a[i];
            if (ai == 0) {
                continue;
            }
            long carry = 0;
            for (int j = 0; j < nb; j++) {
                long bj = b[j];
                long low = ai * bj;
                long high = unsignedMultiplyHigh(ai, bj);
                low += carry;
                if (Long.compareUnsigned(low, carry) < 0) {
                    high++;
                }
                long sum = out[i + j] + low;
                if (Long.compareUnsigned(sum, low) < 0) {
                    high++;
                }
                out[i + j] = sum;
                carry = high;
            }
            out[i + nb] = carry;
        }
    }

    /**
     * {@code out[0 .. 5) = a[0 .. 2) * b[0 .. 3)} (a uint128 times a uint192). This and the two below are the
     * schoolbook product unrolled: no loop and no branch on the values, which random operands of varying length
     * would otherwise mispredict. Each step adds at most two 64-bit values to a 128-bit product, which cannot
     * overflow 128 bits.
     */
    static void multiply2By3(long[] a, long[] b, long[] out) {
        long a0 = a[0]; long a1 = a[1];
        long b0 = b[0]; long b1 = b[1]; long b2 = b[2];
        long low;
        long high;
        long carry;
        // + a0 * b << 0
        low = a0 * b0;
        high = unsignedMultiplyHigh(a0, b0);
        long r0 = low;
        carry = high;
        low = a0 * b1;
        high = unsignedMultiplyHigh(a0, b1);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        long r1 = low;
        carry = high;
        low = a0 * b2;
        high = unsignedMultiplyHigh(a0, b2);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        long r2 = low;
        carry = high;
        long r3 = carry;
        // + a1 * b << 64
        low = a1 * b0;
        high = unsignedMultiplyHigh(a1, b0);
        r1 += low;
        high += Long.compareUnsigned(r1, low) < 0 ? 1 : 0;
        carry = high;
        low = a1 * b1;
        high = unsignedMultiplyHigh(a1, b1);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        r2 += low;
        high += Long.compareUnsigned(r2, low) < 0 ? 1 : 0;
        carry = high;
        low = a1 * b2;
        high = unsignedMultiplyHigh(a1, b2);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        r3 += low;
        high += Long.compareUnsigned(r3, low) < 0 ? 1 : 0;
        carry = high;
        long r4 = carry;
        out[0] = r0;
        out[1] = r1;
        out[2] = r2;
        out[3] = r3;
        out[4] = r4;
    }

    /** {@code out[0 .. 6) = a[0 .. 3) * b[0 .. 3)} (e.g. two uint160 sqrt prices), unrolled. */
    static void multiply3By3(long[] a, long[] b, long[] out) {
        long a0 = a[0]; long a1 = a[1]; long a2 = a[2];
        long b0 = b[0]; long b1 = b[1]; long b2 = b[2];
        long low;
        long high;
        long carry;
        // + a0 * b << 0
        low = a0 * b0;
        high = unsignedMultiplyHigh(a0, b0);
        long r0 = low;
        carry = high;
        low = a0 * b1;
        high = unsignedMultiplyHigh(a0, b1);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        long r1 = low;
        carry = high;
        low = a0 * b2;
        high = unsignedMultiplyHigh(a0, b2);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        long r2 = low;
        carry = high;
        long r3 = carry;
        // + a1 * b << 64
        low = a1 * b0;
        high = unsignedMultiplyHigh(a1, b0);
        r1 += low;
        high += Long.compareUnsigned(r1, low) < 0 ? 1 : 0;
        carry = high;
        low = a1 * b1;
        high = unsignedMultiplyHigh(a1, b1);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        r2 += low;
        high += Long.compareUnsigned(r2, low) < 0 ? 1 : 0;
        carry = high;
        low = a1 * b2;
        high = unsignedMultiplyHigh(a1, b2);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        r3 += low;
        high += Long.compareUnsigned(r3, low) < 0 ? 1 : 0;
        carry = high;
        long r4 = carry;
        // + a2 * b << 128
        low = a2 * b0;
        high = unsignedMultiplyHigh(a2, b0);
        r2 += low;
        high += Long.compareUnsigned(r2, low) < 0 ? 1 : 0;
        carry = high;
        low = a2 * b1;
        high = unsignedMultiplyHigh(a2, b1);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        r3 += low;
        high += Long.compareUnsigned(r3, low) < 0 ? 1 : 0;
        carry = high;
        low = a2 * b2;
        high = unsignedMultiplyHigh(a2, b2);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        r4 += low;
        high += Long.compareUnsigned(r4, low) < 0 ? 1 : 0;
        carry = high;
        long r5 = carry;
        out[0] = r0;
        out[1] = r1;
        out[2] = r2;
        out[3] = r3;
        out[4] = r4;
        out[5] = r5;
    }

    /** {@code out[0 .. 6) = a[0 .. 2) * b[0 .. 4)} (a uint128 times a uint256), unrolled. */
    static void multiply2By4(long[] a, long[] b, long[] out) {
        long a0 = a[0]; long a1 = a[1];
        long b0 = b[0]; long b1 = b[1]; long b2 = b[2]; long b3 = b[3];
        long low;
        long high;
        long carry;
        // + a0 * b << 0
        low = a0 * b0;
        high = unsignedMultiplyHigh(a0, b0);
        long r0 = low;
        carry = high;
        low = a0 * b1;
        high = unsignedMultiplyHigh(a0, b1);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        long r1 = low;
        carry = high;
        low = a0 * b2;
        high = unsignedMultiplyHigh(a0, b2);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        long r2 = low;
        carry = high;
        low = a0 * b3;
        high = unsignedMultiplyHigh(a0, b3);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        long r3 = low;
        carry = high;
        long r4 = carry;
        // + a1 * b << 64
        low = a1 * b0;
        high = unsignedMultiplyHigh(a1, b0);
        r1 += low;
        high += Long.compareUnsigned(r1, low) < 0 ? 1 : 0;
        carry = high;
        low = a1 * b1;
        high = unsignedMultiplyHigh(a1, b1);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        r2 += low;
        high += Long.compareUnsigned(r2, low) < 0 ? 1 : 0;
        carry = high;
        low = a1 * b2;
        high = unsignedMultiplyHigh(a1, b2);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        r3 += low;
        high += Long.compareUnsigned(r3, low) < 0 ? 1 : 0;
        carry = high;
        low = a1 * b3;
        high = unsignedMultiplyHigh(a1, b3);
        low += carry;
        high += Long.compareUnsigned(low, carry) < 0 ? 1 : 0;
        r4 += low;
        high += Long.compareUnsigned(r4, low) < 0 ? 1 : 0;
        carry = high;
        long r5 = carry;
        out[0] = r0;
        out[1] = r1;
        out[2] = r2;
        out[3] = r3;
        out[4] = r4;
        out[5] = r5;
    }

    /**
     * {@code floor(u / v)} into {@code q[0 .. m - n + 1)} by Algorithm D, leaving the remainder, shifted left by the
     * normalising shift, in {@code work[0 .. n)}. Returns whether the remainder is non-zero.
     *
     * @param u the dividend, {@code m} significant limbs; not modified
     * @param v the divisor, {@code n >= 1} significant limbs (top limb non-zero), {@code n <= m}; not modified
     * @param work at least {@code m + 1} limbs, overwritten
     * @param vNormalised at least {@code n} limbs, overwritten
     */
    static boolean divide(long[] u, int m, long[] v, int n, long[] q, long[] work, long[] vNormalised) {
        int shift = Long.numberOfLeadingZeros(v[n - 1]);
        shiftLeftInto(u, m, shift, work);
        if (n == 1) {
            long d = v[0] << shift;
            long reciprocal = reciprocal(d);
            long r = work[m];
            for (int j = m - 1; j >= 0; j--) {
                long digit = divide2By1(r, work[j], d, reciprocal);
                r = work[j] - digit * d;
                q[j] = digit;
            }
            return r != 0;
        }
        for (int i = n - 1; i > 0; i--) {
            vNormalised[i] = shift == 0 ? v[i] : (v[i] << shift) | (v[i - 1] >>> (64 - shift));
        }
        vNormalised[0] = v[0] << shift;
        // Each quotient digit from the partial remainder's top three limbs and the divisor's top two by
        // Möller–Granlund's three-by-two division (their Algorithm 5, GMP's udiv_qr_3by2): the estimate is almost
        // always exact, so there is no Knuth correction loop to mispredict, and the multiply-subtract runs over the
        // n - 2 lower divisor limbs only (GMP's mpn_sbpi1_div_qr).
        long d1 = vNormalised[n - 1];
        long d0 = vNormalised[n - 2];
        long reciprocal = reciprocal3By2(d1, d0);
        long n2 = work[m];
        for (int j = m - n; j >= 0; j--) {
            long n1 = work[j + n - 1];
            long qHat;
            if (n2 == 0 && Long.compareUnsigned(n1, d1) < 0) {
                // The partial remainder's top n + 1 limbs are below (n1 + 1) * 2^(64 (n - 1)), at most the divisor:
                // the digit is 0 and nothing is subtracted. These are the quotient's leading zero digits, which
                // m - n + 1 overcounts by about one call in two (the position math's quotients are often shorter).
                q[j] = 0;
                n2 = n1;
                continue;
            }
            if (n2 == d1 && n1 == d0) {
                // The three-by-two division needs (n2, n1) < (d1, d0); here the digit is exactly 2^64 - 1, and
                // subtracting it times the divisor cancels the top limb.
                qHat = -1L;
                multiplySubtract(work, j, vNormalised, n, qHat);
                n2 = work[j + n - 1];
            } else {
                long n0 = work[j + n - 2];
                // (qHat, qLow) = reciprocal * n2 + (n2, n1)
                long qLow = reciprocal * n2;
                qHat = unsignedMultiplyHigh(reciprocal, n2);
                long sum = qLow + n1;
                qHat += n2 + (Long.compareUnsigned(sum, qLow) < 0 ? 1 : 0);
                qLow = sum;
                // (r1, r0) = (n1 - d1 * qHat, n0) - (d1, d0) - d0 * qHat, modulo 2^128
                long r1 = n1 - d1 * qHat;
                long r0 = n0 - d0;
                r1 = r1 - d1 - (Long.compareUnsigned(n0, d0) < 0 ? 1 : 0);
                long t1 = unsignedMultiplyHigh(d0, qHat);
                long t0 = d0 * qHat;
                r1 = r1 - t1 - (Long.compareUnsigned(r0, t0) < 0 ? 1 : 0);
                r0 -= t0;
                qHat++;
                // adjust without a branch: if r1 >= qLow the digit is one smaller and the divisor is added back
                long mask = Long.compareUnsigned(r1, qLow) >= 0 ? -1L : 0L;
                qHat += mask;
                long add0 = mask & d0;
                long r0Sum = r0 + add0;
                r1 += (mask & d1) + (Long.compareUnsigned(r0Sum, add0) < 0 ? 1 : 0);
                r0 = r0Sum;
                if (Long.compareUnsigned(r1, d1) >= 0
                        && (Long.compareUnsigned(r1, d1) > 0 || Long.compareUnsigned(r0, d0) >= 0)) {
                    // rare: one more
                    qHat++;
                    long borrow = Long.compareUnsigned(r0, d0) < 0 ? 1 : 0;
                    r0 -= d0;
                    r1 = r1 - d1 - borrow;
                }
                // the lower n - 2 divisor limbs, and their borrow out of (r1, r0)
                long borrow = multiplySubtract(work, j, vNormalised, n - 2, qHat);
                long borrow1 = Long.compareUnsigned(r0, borrow) < 0 ? 1 : 0;
                r0 -= borrow;
                long borrow2 = Long.compareUnsigned(r1, borrow1) < 0 ? 1 : 0;
                r1 -= borrow1;
                work[j + n - 2] = r0;
                if (borrow2 != 0) {
                    // the estimate was one too large (probability about 2^-64): add the divisor back
                    qHat--;
                    long carry = 0;
                    for (int i = 0; i < n - 1; i++) {
                        long w = work[j + i];
                        long s = w + vNormalised[i];
                        long c = Long.compareUnsigned(s, w) < 0 ? 1 : 0;
                        long s2 = s + carry;
                        c += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
                        work[j + i] = s2;
                        carry = c;
                    }
                    r1 += d1 + carry;
                }
                work[j + n - 1] = r1;
                n2 = r1;
            }
            q[j] = qHat;
        }
        for (int i = 0; i < n; i++) {
            if (work[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code work[j .. j + k) -= digit * v[0 .. k)}, returning the limb still to subtract above them (the high
     * part of the product plus the borrow), GMP's {@code mpn_submul_1}.
     */
    private static long multiplySubtract(long[] work, int j, long[] v, int k, long digit) {
        long carry = 0;
        for (int i = 0; i < k; i++) {
            long productLow = digit * v[i];
            long productHigh = unsignedMultiplyHigh(digit, v[i]);
            productLow += carry;
            productHigh += Long.compareUnsigned(productLow, carry) < 0 ? 1 : 0;
            long w = work[j + i];
            work[j + i] = w - productLow;
            carry = productHigh + (Long.compareUnsigned(w, productLow) < 0 ? 1 : 0);
        }
        return carry;
    }

    /**
     * Möller–Granlund's reciprocal for a three-by-two division, {@code floor((2^192 - 1) / (d1 * 2^64 + d0)) - 2^64}
     * for a normalised {@code d1} (their Algorithm 6, GMP's {@code invert_pi1}): the one-limb reciprocal of
     * {@code d1}, corrected for {@code d0}.
     */
    static long reciprocal3By2(long d1, long d0) {
        long v = reciprocal(d1);
        long p = d1 * v + d0;
        if (Long.compareUnsigned(p, d0) < 0) {
            v--;
            long mask = Long.compareUnsigned(p, d1) >= 0 ? -1L : 0L;
            p -= d1;
            v += mask;
            p -= mask & d1;
        }
        long t1 = unsignedMultiplyHigh(d0, v);
        long t0 = d0 * v;
        p += t1;
        if (Long.compareUnsigned(p, t1) < 0) {
            v--;
            if (Long.compareUnsigned(p, d1) >= 0 && (Long.compareUnsigned(p, d1) > 0 || Long.compareUnsigned(t0, d0) >= 0)) {
                v--;
            }
        }
        return v;
    }

    /** {@code out[0 .. m] = u[0 .. m) << shift} for {@code 0 <= shift < 64}: {@code m + 1} limbs. */
    private static void shiftLeftInto(long[] u, int m, int shift, long[] out) {
        if (shift == 0) {
            System.arraycopy(u, 0, out, 0, m);
            out[m] = 0;
            return;
        }
        out[m] = u[m - 1] >>> (64 - shift);
        for (int i = m - 1; i > 0; i--) {
            out[i] = (u[i] << shift) | (u[i - 1] >>> (64 - shift));
        }
        out[0] = u[0] << shift;
    }

    /**
     * Möller–Granlund's {@code floor((2^128 - 1) / d) - 2^64} for a normalised {@code d} (top bit set), by their
     * Algorithm 2 ({@code RECIPROCAL_WORD}): an 11-bit estimate from a 256-entry table, two Newton steps in 64-bit
     * integer arithmetic and a final adjustment — multiplications only, no division and no data-dependent branch.
     */
    static long reciprocal(long d) {
        long d0 = d & 1;
        long d40 = (d >>> 24) + 1;
        long d63 = (d >>> 1) + d0;
        long v0 = RECIPROCAL_TABLE[(int) (d >>> 55) - 256];
        long v1 = (v0 << 11) - ((v0 * v0 * d40) >>> 40) - 1;
        long v2 = (v1 << 13) + ((v1 * ((1L << 60) - v1 * d40)) >>> 47);
        long e = ((v2 >>> 1) & -d0) - v2 * d63;
        long v3 = (v2 << 31) + (unsignedMultiplyHigh(v2, e) >>> 1);
        long low = v3 * d;
        long sum = low + d;
        long high = unsignedMultiplyHigh(v3, d) + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0) + d;
        return v3 - high;
    }

    /**
     * {@code floor((u1 * 2^64 + u0) / d)} for a normalised {@code d} and {@code u1 < d} (Möller–Granlund,
     * Algorithm 4), given {@code reciprocal(d)}.
     */
    static long divide2By1(long u1, long u0, long d, long reciprocal) {
        long qLow = reciprocal * u1;
        long qHigh = unsignedMultiplyHigh(reciprocal, u1);
        long sum = qLow + u0;
        qHigh += u1 + (Long.compareUnsigned(sum, qLow) < 0 ? 1 : 0);
        qLow = sum;
        qHigh++;
        long r = u0 - qHigh * d;
        if (Long.compareUnsigned(r, qLow) > 0) {
            qHigh--;
            r += d;
        }
        if (Long.compareUnsigned(r, d) >= 0) {
            qHigh++;
        }
        return qHigh;
    }

    private static void putLong(byte[] bytes, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
