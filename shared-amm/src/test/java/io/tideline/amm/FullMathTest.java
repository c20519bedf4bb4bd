package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

// Vectors from Uniswap/v3-core test/FullMath.spec.ts (#mulDiv and #mulDivRoundingUp).
class FullMathTest {

    private static final BigInteger Q128 = BigInteger.ONE.shiftLeft(128);
    private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    @Test
    void mulDivRevertsOnAZeroDenominator() {
        assertReverts(() -> FullMath.mulDiv(Q128, BigInteger.valueOf(5), BigInteger.ZERO),
                AmmMathException.Reason.DIVISION_BY_ZERO);
        // 'reverts if denominator is 0 and numerator overflows'
        assertReverts(() -> FullMath.mulDiv(Q128, Q128, BigInteger.ZERO), AmmMathException.Reason.DIVISION_BY_ZERO);
    }

    @Test
    void mulDivRevertsWhenTheResultOverflowsUint256() {
        assertReverts(() -> FullMath.mulDiv(Q128, Q128, BigInteger.ONE), AmmMathException.Reason.MUL_DIV_OVERFLOW);
        assertReverts(() -> FullMath.mulDiv(MAX_UINT256, MAX_UINT256, MAX_UINT256.subtract(BigInteger.ONE)),
                AmmMathException.Reason.MUL_DIV_OVERFLOW);
    }

    @Test
    void mulDivIsExactThroughAPhantomOverflow() {
        // 'all max inputs'
        assertThat(FullMath.mulDiv(MAX_UINT256, MAX_UINT256, MAX_UINT256)).isEqualTo(MAX_UINT256);
        // 'accurate without phantom overflow': Q128 * 0.5 / 1.5
        assertThat(FullMath.mulDiv(Q128, percentOfQ128(50), percentOfQ128(150))).isEqualTo(Q128.divide(BigInteger.valueOf(3)));
        // 'accurate with phantom overflow': Q128 * 35 Q128 / 8 Q128 = 4.375 Q128
        assertThat(FullMath.mulDiv(Q128, Q128.multiply(BigInteger.valueOf(35)), Q128.multiply(BigInteger.valueOf(8))))
                .isEqualTo(BigInteger.valueOf(4375).multiply(Q128).divide(BigInteger.valueOf(1000)));
        // 'accurate with phantom overflow and repeating decimal'
        assertThat(FullMath.mulDiv(Q128, Q128.multiply(BigInteger.valueOf(1000)), Q128.multiply(BigInteger.valueOf(3000))))
                .isEqualTo(Q128.divide(BigInteger.valueOf(3)));
    }

    @Test
    void mulDivRoundingUpRevertsOnAZeroDenominatorOrOverflow() {
        assertReverts(() -> FullMath.mulDivRoundingUp(Q128, BigInteger.valueOf(5), BigInteger.ZERO),
                AmmMathException.Reason.DIVISION_BY_ZERO);
        assertReverts(() -> FullMath.mulDivRoundingUp(Q128, Q128, BigInteger.ZERO), AmmMathException.Reason.DIVISION_BY_ZERO);
        assertReverts(() -> FullMath.mulDivRoundingUp(Q128, Q128, BigInteger.ONE), AmmMathException.Reason.MUL_DIV_OVERFLOW);
        assertReverts(() -> FullMath.mulDivRoundingUp(MAX_UINT256, MAX_UINT256, MAX_UINT256.subtract(BigInteger.ONE)),
                AmmMathException.Reason.MUL_DIV_OVERFLOW);
    }

    @Test
    void mulDivRoundingUpRevertsWhenRoundingUpOverflowsUint256() {
        // 'reverts if mulDiv overflows 256 bits after rounding up' (floor is 2^256 - 1, the remainder is not 0)
        assertReverts(() -> FullMath.mulDivRoundingUp(new BigInteger("535006138814359"),
                        new BigInteger("432862656469423142931042426214547535783388063929571229938474969"), BigInteger.TWO),
                AmmMathException.Reason.MUL_DIV_OVERFLOW);
        // '... case 2'
        assertReverts(() -> FullMath.mulDivRoundingUp(
                        new BigInteger("115792089237316195423570985008687907853269984659341747863450311749907997002549"),
                        new BigInteger("115792089237316195423570985008687907853269984659341747863450311749907997002550"),
                        new BigInteger("115792089237316195423570985008687907853269984653042931687443039491902864365164")),
                AmmMathException.Reason.MUL_DIV_OVERFLOW);
    }

    @Test
    void mulDivRoundingUpRoundsUpOnlyWhenThereIsARemainder() {
        // 'all max inputs'
        assertThat(FullMath.mulDivRoundingUp(MAX_UINT256, MAX_UINT256, MAX_UINT256)).isEqualTo(MAX_UINT256);
        // 'accurate without phantom overflow'
        assertThat(FullMath.mulDivRoundingUp(Q128, percentOfQ128(50), percentOfQ128(150)))
                .isEqualTo(Q128.divide(BigInteger.valueOf(3)).add(BigInteger.ONE));
        // 'accurate with phantom overflow' (exact: no rounding)
        assertThat(FullMath.mulDivRoundingUp(Q128, Q128.multiply(BigInteger.valueOf(35)), Q128.multiply(BigInteger.valueOf(8))))
                .isEqualTo(BigInteger.valueOf(4375).multiply(Q128).divide(BigInteger.valueOf(1000)));
        // 'accurate with phantom overflow and repeating decimal'
        assertThat(FullMath.mulDivRoundingUp(Q128, Q128.multiply(BigInteger.valueOf(1000)), Q128.multiply(BigInteger.valueOf(3000))))
                .isEqualTo(Q128.divide(BigInteger.valueOf(3)).add(BigInteger.ONE));
    }

    // The definition itself as the oracle: floor and ceiling of the exact quotient, over random widths and over
    // power-of-two denominators (which take a shift instead of a division).
    @Test
    void agreesWithTheExactQuotientOnRandomInputs() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 50_000; i++) {
            BigInteger a = new BigInteger(random.nextInt(257), random);
            BigInteger b = new BigInteger(random.nextInt(257), random);
            BigInteger denominator = random.nextBoolean()
                    ? BigInteger.ONE.shiftLeft(random.nextInt(256))
                    : new BigInteger(1 + random.nextInt(256), random).add(BigInteger.ONE).min(MAX_UINT256);
            BigInteger[] exact = a.multiply(b).divideAndRemainder(denominator);
            BigInteger floor = exact[0];
            BigInteger ceiling = exact[1].signum() == 0 ? floor : floor.add(BigInteger.ONE);
            if (floor.compareTo(MAX_UINT256) <= 0) {
                assertThat(FullMath.mulDiv(a, b, denominator)).isEqualTo(floor);
            } else {
                assertReverts(() -> FullMath.mulDiv(a, b, denominator), AmmMathException.Reason.MUL_DIV_OVERFLOW);
            }
            if (ceiling.compareTo(MAX_UINT256) <= 0) {
                assertThat(FullMath.mulDivRoundingUp(a, b, denominator)).isEqualTo(ceiling);
            } else {
                assertReverts(() -> FullMath.mulDivRoundingUp(a, b, denominator), AmmMathException.Reason.MUL_DIV_OVERFLOW);
            }
        }
    }

    @Test
    void refusesArgumentsThatAreNotUint256() {
        assertThatThrownBy(() -> FullMath.mulDiv(MAX_UINT256.add(BigInteger.ONE), BigInteger.ONE, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uint256");
        assertThatThrownBy(() -> FullMath.mulDivRoundingUp(BigInteger.ONE, BigInteger.ONE.negate(), BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uint256");
    }

    private static BigInteger percentOfQ128(int percent) {
        return BigInteger.valueOf(percent).multiply(Q128).divide(BigInteger.valueOf(100));
    }

    private static void assertReverts(ThrowingCallable call, AmmMathException.Reason reason) {
        assertThatThrownBy(call).isInstanceOf(AmmMathException.class)
                .extracting(e -> ((AmmMathException) e).reason()).isEqualTo(reason);
    }
}
