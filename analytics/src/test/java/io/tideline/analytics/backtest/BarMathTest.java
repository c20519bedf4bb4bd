package io.tideline.analytics.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.amm.Uint256;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BarMath} against BigInteger: every answer it gives is the exact integer, and it refuses what does not fit. */
class BarMathTest {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private final Random random = new Random(20261207);
    private final long[] scratch = new long[BarMath.SCRATCH];
    private final long[] difference = new long[4];

    @Test
    void valuesAnAmountAtASquaredPriceExactlyOrSaysItDoesNotFit() {
        int answered = 0;
        for (int i = 0; i < 100_000; i++) {
            BigInteger x = unsigned(random.nextInt(129));
            BigInteger s = unsigned(random.nextInt(257));
            BigInteger expected = x.multiply(s).shiftRight(192);
            long got = BarMath.mulShift192(high(x), low(x), Uint256.of(s), scratch);
            if (expected.compareTo(LONG_MAX) <= 0) {
                assertThat(got).as("%s · %s", x, s).isEqualTo(expected.longValueExact());
                answered++;
            } else {
                assertThat(got).isEqualTo(BarMath.NO_FIT);
            }
        }
        assertThat(answered).isGreaterThan(5_000);
    }

    @Test
    void movesTheShortBetweenTwoPricesRoundingTowardMinusInfinityAsBigIntegerShifts() {
        int negative = 0;
        for (int i = 0; i < 100_000; i++) {
            BigInteger x = unsigned(random.nextInt(129));
            BigInteger a = unsigned(random.nextInt(257));
            BigInteger b = random.nextInt(4) == 0 ? a : random.nextBoolean() ? unsigned(random.nextInt(257))
                    : a.add(unsigned(random.nextInt(140))).min(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
            BigInteger expected = x.multiply(a.subtract(b)).shiftRight(192);
            long got = BarMath.mulDifferenceShift192(high(x), low(x), Uint256.of(a), Uint256.of(b), difference,
                    scratch);
            if (got != BarMath.NO_FIT) {
                assertThat(got).as("%s · (%s − %s)", x, a, b).isEqualTo(expected.longValueExact());
                negative += got < 0 ? 1 : 0;
            } else {
                assertThat(expected.abs().compareTo(LONG_MAX.subtract(BigInteger.ONE)) >= 0).isTrue();
            }
        }
        assertThat(negative).isGreaterThan(500);
    }

    @Test
    void dividesAProductExactlyOrSaysItDoesNotFit() {
        int answered = 0;
        for (int i = 0; i < 150_000; i++) {
            BigInteger a = unsigned(random.nextInt(64)).min(LONG_MAX);
            BigInteger b = unsigned(random.nextInt(129));
            BigInteger c = unsigned(1 + random.nextInt(128)).max(BigInteger.ONE);
            if (random.nextInt(5) == 0) {
                c = a.multiply(b).divide(BigInteger.valueOf(1 + random.nextInt(1000))).max(BigInteger.ONE)
                        .min(TWO_64.pow(2).subtract(BigInteger.ONE)); // exact and near-exact quotients
            }
            BigInteger expected = a.multiply(b).divide(c);
            long got = BarMath.mulDiv(a.longValueExact(), high(b), low(b), high(c), low(c));
            if (got != BarMath.NO_FIT) {
                assertThat(got).as("%s · %s / %s", a, b, c).isEqualTo(expected.longValueExact());
                answered++;
            } else {
                assertThat(expected.bitLength()).isGreaterThanOrEqualTo(49);
            }
        }
        assertThat(answered).isGreaterThan(25_000);
        assertThat(BarMath.mulDiv(5, 0, 7, 0, 0)).as("division by zero is left to BigInteger")
                .isEqualTo(BarMath.NO_FIT);
    }

    @Test
    void multipliesAndComparesWithin128And192Bits() {
        long[] out = new long[2];
        for (int i = 0; i < 100_000; i++) {
            BigInteger x = unsigned(random.nextInt(129));
            BigInteger y = unsigned(random.nextInt(129));
            long n = unsigned(random.nextInt(64)).longValue();
            long m = unsigned(random.nextInt(64)).longValue();
            BigInteger product = x.multiply(BigInteger.valueOf(n));
            boolean fits = BarMath.multiply128(high(x), low(x), n, out, 0);
            assertThat(fits).isEqualTo(product.bitLength() <= 128);
            if (fits) {
                assertThat(BarMath.toBigInteger(out[0], out[1])).isEqualTo(product);
            }
            assertThat(BarMath.productGreater(high(x), low(x), n, high(y), low(y), m))
                    .isEqualTo(product.compareTo(y.multiply(BigInteger.valueOf(m))) > 0);
            assertThat(BarMath.toBigInteger(high(x), low(x))).isEqualTo(x);
        }
    }

    @Test
    void squaresASqrtPriceIntoFourLimbsOrSaysItNeedsMore() {
        long[] out = new long[4];
        for (int i = 0; i < 50_000; i++) {
            BigInteger x = unsigned(random.nextInt(161));
            boolean fits = BarMath.square(Uint256.of(x), out, scratch);
            assertThat(fits).isEqualTo(x.bitLength() <= 128);
            if (fits) {
                assertThat(Uint256.toBigInteger(out)).isEqualTo(x.multiply(x));
            }
        }
    }

    @Test
    void sumsExactlyBeyondALong() {
        ExactSum sum = new ExactSum();
        BigInteger expected = BigInteger.ZERO;
        for (int i = 0; i < 100_000; i++) {
            long x = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt();
            sum.add(x);
            expected = expected.add(BigInteger.valueOf(x));
            if (i % 1000 == 0) {
                BigInteger big = unsigned(random.nextInt(100))
                        .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
                sum.add(big);
                expected = expected.add(big);
            }
            assertThat(sum.value()).isEqualTo(expected);
        }
        assertThat(expected.compareTo(LONG_MAX) > 0 || expected.compareTo(LONG_MIN) < 0).isTrue();
    }

    /** A random unsigned value of at most {@code bits} bits, often at its top. */
    private BigInteger unsigned(int bits) {
        if (bits == 0) {
            return BigInteger.ZERO;
        }
        BigInteger v = new BigInteger(bits, random);
        return random.nextInt(8) == 0 ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE) : v;
    }

    private static long high(BigInteger x) {
        return x.shiftRight(64).longValue();
    }

    private static long low(BigInteger x) {
        return x.longValue();
    }
}
