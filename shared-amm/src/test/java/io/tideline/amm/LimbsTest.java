package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
    // case of top limbs equal to the divisor's: limbs made of these boundary patterns do.
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
                        // top limbs equal to the divisor's top two: the three-by-two division's special digit
                        long[] y = {d, c, b, a, -1L, -1L, a};
                        long[] z = {a, -1L, -1L};
                        assertDivides(value(y), value(z));
                        long[] t = {d, c, b, c, a, b | Long.MIN_VALUE};
                        long[] s = {d, a, b | Long.MIN_VALUE};
                        assertDivides(value(t), value(s));
                    }
                }
            }
        }
    }

    // Algorithm D takes a digit as 0 without a three-by-two step when the partial remainder's top limb is 0 and its
    // next is below the divisor's top limb (the quotient's leading zero digits, and zeros inside it). Here that test
    // is at its edge — a divisor with its top bit set (no normalising shift), a dividend whose top n limbs are the
    // divisor's with the lowest moved by -1, 0 or +1, so the first digit is 1 or 0 with the next limb equal to the
    // divisor's top — and quotients with zero limbs inside them.
    @Test
    void takesADigitAsZeroOnlyWhereItIs() {
        Random random = new Random(19);
        long[] patterns = {0, 1, -1L, -2L, Long.MIN_VALUE, Long.MAX_VALUE};
        for (int i = 0; i < 100_000; i++) {
            int n = 2 + random.nextInt(4);
            long[] v = randomLimbs(n, patterns, random);
            v[n - 1] |= Long.MIN_VALUE;
            long[] u = new long[n + 1];
            System.arraycopy(v, 0, u, 1, n);
            u[1] += random.nextInt(3) - 1;
            u[0] = random.nextInt(4) == 0 ? patterns[random.nextInt(patterns.length)] : random.nextLong();
            assertDivides(value(u), value(v));
            long[] digits = {random.nextLong(), 0, random.nextBoolean() ? 0 : random.nextLong(), 1 + random.nextInt(9)};
            BigInteger divisor = randomWithTopLimb(n, random);
            BigInteger remainder = new BigInteger(64 * n, random).mod(divisor);
            assertDivides(value(digits).multiply(divisor).add(remainder), divisor);
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
    void unrolledProductsAreTheSchoolbookProduct() {
        Random random = new Random(13);
        long[] patterns = {0, 1, -1L, Long.MIN_VALUE, Long.MAX_VALUE};
        for (int i = 0; i < 100_000; i++) {
            long[] a = randomLimbs(4, patterns, random);
            long[] b = randomLimbs(4, patterns, random);
            long[] product = new long[6];
            Limbs.multiply2By3(a, b, product);
            assertThat(value(product)).isEqualTo(value(a, 2).multiply(value(b, 3)));
            Limbs.multiply3By3(a, b, product);
            assertThat(value(product)).isEqualTo(value(a, 3).multiply(value(b, 3)));
            Limbs.multiply2By4(a, b, product);
            assertThat(value(product)).isEqualTo(value(a, 2).multiply(value(b, 4)));
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
        // both ends of every entry of the estimate table, and limbs of one or all bits below the top
        for (long top = 256; top < 512; top++) {
            for (long d : new long[] {top << 55, (top << 55) + 1, (top << 55) | ((1L << 55) - 1)}) {
                assertThat(unsigned(Limbs.reciprocal(d))).as("%s", Long.toUnsignedString(d))
                        .isEqualTo(allOnes128.divide(unsigned(d)).subtract(BigInteger.ONE.shiftLeft(64)));
            }
        }
        for (int bit = 0; bit < 63; bit++) {
            for (long d : new long[] {Long.MIN_VALUE | (1L << bit), -1L << bit, Long.MIN_VALUE | ((1L << bit) - 1)}) {
                assertThat(unsigned(Limbs.reciprocal(d))).as("%s", Long.toUnsignedString(d))
                        .isEqualTo(allOnes128.divide(unsigned(d)).subtract(BigInteger.ONE.shiftLeft(64)));
            }
        }
        assertThat(Limbs.reciprocal(Long.MIN_VALUE)).isEqualTo(-1L);
        assertThat(Limbs.reciprocal(-1L)).isEqualTo(1L);
    }

    @Test
    void toDoubleIsWithinTwoToTheMinus50OfTheValue() {
        Random random = new Random(17);
        long[] patterns = {0, 1, 2, 3, -1L, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE};
        for (int i = 0; i < 100_000; i++) {
            long[] limbs = randomLimbs(4, patterns, random);
            for (int zeroLimbs = random.nextInt(4); zeroLimbs > 0; zeroLimbs--) {
                limbs[4 - zeroLimbs] = 0;
            }
            BigDecimal exact = new BigDecimal(value(limbs));
            BigDecimal estimate = new BigDecimal(Limbs.toDouble(limbs[3], limbs[2], limbs[1], limbs[0]));
            assertThat(estimate.subtract(exact).abs())
                    .as("%s", exact).isLessThanOrEqualTo(exact.multiply(new BigDecimal(Math.scalb(1.0, -50))));
        }
    }

    @Test
    void threeByTwoReciprocalIsMollerGranlunds() {
        Random random = new Random(5);
        long[] patterns = {0, 1, -1L, -2L, Long.MIN_VALUE, Long.MAX_VALUE};
        BigInteger allOnes192 = BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE);
        for (int i = 0; i < 100_000; i++) {
            long d1 = (random.nextInt(4) == 0 ? patterns[random.nextInt(patterns.length)] : random.nextLong())
                    | Long.MIN_VALUE;
            long d0 = random.nextInt(4) == 0 ? patterns[random.nextInt(patterns.length)] : random.nextLong();
            BigInteger divisor = unsigned(d1).shiftLeft(64).or(unsigned(d0));
            assertThat(unsigned(Limbs.reciprocal3By2(d1, d0))).as("%s", divisor)
                    .isEqualTo(allOnes192.divide(divisor).subtract(BigInteger.ONE.shiftLeft(64)));
        }
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

    private static long[] randomLimbs(int count, long[] patterns, Random random) {
        long[] limbs = new long[count];
        for (int i = 0; i < count; i++) {
            limbs[i] = random.nextInt(4) == 0 ? patterns[random.nextInt(patterns.length)] : random.nextLong();
        }
        return limbs;
    }

    private static BigInteger value(long[] limbs) {
        return value(limbs, limbs.length);
    }

    /** The value of the low {@code count} limbs. */
    private static BigInteger value(long[] limbs, int count) {
        BigInteger value = BigInteger.ZERO;
        for (int i = count - 1; i >= 0; i--) {
            value = value.shiftLeft(64).or(unsigned(limbs[i]));
        }
        return value;
    }

    private static BigInteger unsigned(long limb) {
        return new BigInteger(Long.toUnsignedString(limb));
    }
}
