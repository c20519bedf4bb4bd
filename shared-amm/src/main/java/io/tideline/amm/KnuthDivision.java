package io.tideline.amm;

/**
 * Quotient of two unsigned integers held as little-endian 32-bit limbs: Knuth's Algorithm D (TAOCP 4.3.1), in the
 * form of Hacker's Delight's {@code divmnu}. Used where a {@link java.math.BigInteger} division would cost more
 * than the arithmetic around it.
 */
final class KnuthDivision {

    private static final long LIMB_MASK = 0xFFFF_FFFFL;
    private static final long BASE = 1L << 32;

    private KnuthDivision() {
    }

    /**
     * {@code floor(dividend / divisor)} as {@code m - n + 1} limbs.
     *
     * @param dividend {@code m} limbs
     * @param divisor {@code n} limbs, {@code n <= m}, its top limb non-zero
     */
    static int[] divide(int[] dividend, int[] divisor) {
        int m = dividend.length;
        int n = divisor.length;
        int[] quotient = new int[m - n + 1];
        if (n == 1) {
            long d = divisor[0] & LIMB_MASK;
            long remainder = 0;
            for (int j = m - 1; j >= 0; j--) {
                long current = (remainder << 32) | (dividend[j] & LIMB_MASK);
                quotient[j] = (int) Long.divideUnsigned(current, d);
                remainder = Long.remainderUnsigned(current, d);
            }
            return quotient;
        }
        // Normalise so that the divisor's top limb has its top bit set; the quotient digit estimates are then off by
        // at most 2.
        int shift = Integer.numberOfLeadingZeros(divisor[n - 1]);
        int[] v = new int[n];
        for (int i = n - 1; i > 0; i--) {
            v[i] = (divisor[i] << shift) | (int) ((divisor[i - 1] & LIMB_MASK) >>> (32 - shift));
        }
        v[0] = divisor[0] << shift;
        int[] u = new int[m + 1];
        u[m] = (int) ((dividend[m - 1] & LIMB_MASK) >>> (32 - shift));
        for (int i = m - 1; i > 0; i--) {
            u[i] = (dividend[i] << shift) | (int) ((dividend[i - 1] & LIMB_MASK) >>> (32 - shift));
        }
        u[0] = dividend[0] << shift;

        long vTop = v[n - 1] & LIMB_MASK;
        long vNext = v[n - 2] & LIMB_MASK;
        for (int j = m - n; j >= 0; j--) {
            long numerator = ((u[j + n] & LIMB_MASK) << 32) | (u[j + n - 1] & LIMB_MASK);
            long qHat = Long.divideUnsigned(numerator, vTop);
            long rHat = numerator - qHat * vTop;
            while (qHat >= BASE
                    || Long.compareUnsigned(qHat * vNext, (rHat << 32) | (u[j + n - 2] & LIMB_MASK)) > 0) {
                qHat--;
                rHat += vTop;
                if (rHat >= BASE) {
                    break;
                }
            }
            // u[j .. j+n] -= qHat * v
            long borrow = 0;
            long t;
            for (int i = 0; i < n; i++) {
                long product = qHat * (v[i] & LIMB_MASK);
                t = (u[i + j] & LIMB_MASK) - borrow - (product & LIMB_MASK);
                u[i + j] = (int) t;
                borrow = (product >>> 32) - (t >> 32);
            }
            t = (u[j + n] & LIMB_MASK) - borrow;
            u[j + n] = (int) t;
            quotient[j] = (int) qHat;
            if (t < 0) {
                // The estimate was one too large (rare): add the divisor back.
                quotient[j]--;
                long carry = 0;
                for (int i = 0; i < n; i++) {
                    t = (u[i + j] & LIMB_MASK) + (v[i] & LIMB_MASK) + carry;
                    u[i + j] = (int) t;
                    carry = t >>> 32;
                }
                u[j + n] += (int) carry;
            }
        }
        return quotient;
    }
}
