package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KnuthDivisionTest {

    @Test
    void agreesWithBigIntegerDivision() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            int divisorLimbs = 1 + random.nextInt(6);
            int dividendLimbs = divisorLimbs + random.nextInt(6);
            BigInteger divisor = randomWithTopLimb(divisorLimbs, random);
            BigInteger dividend = new BigInteger(32 * dividendLimbs, random);
            int[] quotient = KnuthDivision.divide(limbs(dividend, dividendLimbs), limbs(divisor, divisorLimbs));
            assertThat(value(quotient)).as("%s / %s", dividend, divisor).isEqualTo(dividend.divide(divisor));
        }
    }

    // The quotient-digit estimate is one too large only rarely, and random inputs seldom reach the add-back step.
    // {0, 0, 0x8000, 0x7fff} / {1, 0, 0x8000} does, and so do these near-boundary limb patterns (1 and 149 add-backs,
    // counted with an instrumented copy of KnuthDivision when the test was written).
    @Test
    void handlesTheRareAddBackStep() {
        int[] dividend = {0, 0, 0x8000, 0x7fff};
        int[] divisor = {1, 0, 0x8000};
        assertThat(value(KnuthDivision.divide(dividend, divisor))).isEqualTo(value(dividend).divide(value(divisor)));
        int[] patterns = {0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE, 0xFFFF_FFFF, 0x0000_FFFF, 0xFFFF_0000};
        for (int a : patterns) {
            for (int b : patterns) {
                for (int c : patterns) {
                    for (int d : patterns) {
                        int[] u = {a, b, c, d, b, a};
                        int[] v = {c, d, a | 1};
                        assertThat(value(KnuthDivision.divide(u, v))).isEqualTo(value(u).divide(value(v)));
                    }
                }
            }
        }
    }

    private static BigInteger randomWithTopLimb(int limbs, Random random) {
        BigInteger value;
        do {
            value = new BigInteger(32 * limbs, random);
        } while (value.bitLength() <= 32 * (limbs - 1));
        return value;
    }

    private static int[] limbs(BigInteger value, int count) {
        int[] limbs = new int[count];
        for (int i = 0; i < count; i++) {
            limbs[i] = value.shiftRight(32 * i).intValue();
        }
        return limbs;
    }

    private static BigInteger value(int[] limbs) {
        BigInteger value = BigInteger.ZERO;
        for (int i = limbs.length - 1; i >= 0; i--) {
            value = value.shiftLeft(32).or(BigInteger.valueOf(limbs[i] & 0xFFFF_FFFFL));
        }
        return value;
    }
}
