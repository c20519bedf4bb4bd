package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LimbsTest {

    @Test
    void dividesAsBigIntegerDoesOnRandomLimbs() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int divisorLimbs = 1 + random.nextInt(5);
            int dividendLimbs = divisorLimbs + random.nextInt(6);
            BigInteger divisor = randomWithTopLimb(divisorLimbs, random);
            BigInteger dividend = new BigInteger(64 * dividendLimbs, random);
            assertDivides(dividend, divisor);
        }
    }

    // The quotient-digit estimate is too large only rarely, and random inputs seldom reach the add-back step or the
    // u2 == vTop case: limbs made of these boundary patterns do.
    @Test
    void dividesAsBigIntegerDoesOnBoundaryLimbPatterns() {
        long[] patterns = {0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -2L, -1L, 0xFFFF_FFFFL, 0xFFFF_FFFF_0000_0000L};
        for (long a : patterns) {
            for (long b : patterns) {
                for (long c : patterns) {
                    for (long d : patterns) {
                        long[] u = {a, b, c, d, b, a};
                        long[] v = {c, d, a | 1};
                        assertDivides(value(u), value(v));
                        long[] w = {d, c, b, a | Long.MIN_VALUE, -1L};
                        long[] x = {b, a | Long.MIN_VALUE};
                        assertDivides(value(w), value(x));
                    }
                }
            }
        }
    }

    @Test
    void multipliesAsBigIntegerDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            BigInteger a = new BigInteger(1 + random.nextInt(256), random);
            BigInteger b = new BigInteger(1 + random.nextInt(256), random);
            long[] product = new long[8];
            Limbs.multiply(Uint256.of(a), 4, Uint256.of(b), 4, product);
            assertThat(value(product)).isEqualTo(a.multiply(b));
        }
    }

    @Test
    void reciprocalIsMollerGranlunds() {
        Random random = new Random(3);
        BigInteger allOnes128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        for (int i = 0; i < 100_000; i++) {
            long d = random.nextLong() | Long.MIN_VALUE;
            BigInteger expected = allOnes128.divide(unsigned(d)).subtract(BigInteger.ONE.shiftLeft(64));
            assertThat(unsigned(Limbs.reciprocal(d))).isEqualTo(expected);
        }
        assertThat(Limbs.reciprocal(Long.MIN_VALUE)).isEqualTo(-1L);
        assertThat(Limbs.reciprocal(-1L)).isEqualTo(1L);
    }

    private static void assertDivides(BigInteger dividend, BigInteger divisor) {
        long[] u = limbs(dividend);
        long[] v = limbs(divisor);
        int m = Limbs.significant(u, u.length);
        int n = Limbs.significant(v, v.length);
        if (m < n) {
            assertThat(dividend).isLessThan(divisor);
            return;
        }
        long[] q = new long[m - n + 1];
        boolean inexact = Limbs.divide(u, m, v, n, q, new long[m + 1], new long[n]);
        BigInteger[] expected = dividend.divideAndRemainder(divisor);
        assertThat(value(q)).as("%s / %s", dividend, divisor).isEqualTo(expected[0]);
        assertThat(inexact).as("%s %% %s != 0", dividend, divisor).isEqualTo(expected[1].signum() != 0);
    }

    private static BigInteger randomWithTopLimb(int limbs, Random random) {
        BigInteger value = new BigInteger(64 * limbs, random);
        return value.setBit(64 * limbs - 1 - random.nextInt(64));
    }

    private static long[] limbs(BigInteger value) {
        long[] limbs = new long[Math.max(1, (value.bitLength() + 63) / 64)];
        for (int i = 0; i < limbs.length; i++) {
            limbs[i] = value.shiftRight(64 * i).longValue();
        }
        return limbs;
    }

    private static BigInteger value(long[] limbs) {
        BigInteger value = BigInteger.ZERO;
        for (int i = limbs.length - 1; i >= 0; i--) {
            value = value.shiftLeft(64).or(unsigned(limbs[i]));
        }
        return value;
    }

    private static BigInteger unsigned(long limb) {
        return new BigInteger(Long.toUnsignedString(limb));
    }
}
