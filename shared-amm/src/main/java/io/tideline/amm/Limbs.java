package io.tideline.amm;

import java.math.BigInteger;

/**
 * Unsigned integers held as little-endian 64-bit limbs (limb 0 least significant): products, shifts and Knuth's
 * Algorithm D (TAOCP 4.3.1) with 64-bit digits, allocating nothing. Each quotient digit is estimated by the
 * Möller–Granlund two-by-one division with a precomputed reciprocal of the divisor's top limb ("Improved division by
 * invariant integers", 2011), so a digit costs two multiplications rather than a 128-by-64-bit division, which Java
 * does not have.
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
        long vTop = vNormalised[n - 1];
        long vNext = vNormalised[n - 2];
        long reciprocal = reciprocal(vTop);
        for (int j = m - n; j >= 0; j--) {
            long u2 = work[j + n];
            long u1 = work[j + n - 1];
            long u0 = work[j + n - 2];
            long qHat;
            if (u2 == vTop) {
                // The two-by-one division needs u2 < vTop; the digit is then at most 2^64 - 1, and the add-back
                // below corrects an estimate that is too large.
                qHat = -1L;
            } else {
                qHat = divide2By1(u2, u1, vTop, reciprocal);
                long rHat = u1 - qHat * vTop;
                // Knuth's test against the next divisor limb: qHat * vNext > rHat * 2^64 + u0 means qHat is too big.
                while (true) {
                    long productHigh = unsignedMultiplyHigh(qHat, vNext);
                    long productLow = qHat * vNext;
                    if (Long.compareUnsigned(productHigh, rHat) < 0
                            || productHigh == rHat && Long.compareUnsigned(productLow, u0) <= 0) {
                        break;
                    }
                    qHat--;
                    long previous = rHat;
                    rHat += vTop;
                    if (Long.compareUnsigned(rHat, previous) < 0) {
                        break;
                    }
                }
            }
            // work[j .. j + n] -= qHat * vNormalised
            long carry = 0;
            long borrow = 0;
            for (int i = 0; i < n; i++) {
                long vi = vNormalised[i];
                long productLow = qHat * vi;
                long productHigh = unsignedMultiplyHigh(qHat, vi);
                productLow += carry;
                if (Long.compareUnsigned(productLow, carry) < 0) {
                    productHigh++;
                }
                carry = productHigh;
                long w = work[i + j];
                long difference = w - productLow;
                long nextBorrow = Long.compareUnsigned(w, productLow) < 0 ? 1 : 0;
                long difference2 = difference - borrow;
                if (Long.compareUnsigned(difference, borrow) < 0) {
                    nextBorrow++;
                }
                work[i + j] = difference2;
                borrow = nextBorrow;
            }
            long top = work[j + n];
            long subtrahend = carry + borrow;
            boolean negative = Long.compareUnsigned(top, subtrahend) < 0
                    || Long.compareUnsigned(subtrahend, carry) < 0;
            work[j + n] = top - subtrahend;
            while (negative) {
                // The estimate was too large (rare): add the divisor back until the partial remainder is >= 0.
                qHat--;
                long addCarry = 0;
                for (int i = 0; i < n; i++) {
                    long w = work[i + j];
                    long sum = w + vNormalised[i];
                    long c = Long.compareUnsigned(sum, w) < 0 ? 1 : 0;
                    long sum2 = sum + addCarry;
                    if (Long.compareUnsigned(sum2, sum) < 0) {
                        c++;
                    }
                    work[i + j] = sum2;
                    addCarry = c;
                }
                long previousTop = work[j + n];
                work[j + n] = previousTop + addCarry;
                // The remainder went from negative (a wrapped top limb) back to non-negative when the top limb wraps.
                negative = !(addCarry != 0 && Long.compareUnsigned(work[j + n], previousTop) < 0);
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
