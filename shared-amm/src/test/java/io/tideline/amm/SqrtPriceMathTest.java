package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

// Vectors from Uniswap/v3-core test/SqrtPriceMath.spec.ts (#getAmount0Delta, #getAmount1Delta, 'swap computation').
class SqrtPriceMathTest {

    private static final BigInteger E18 = BigInteger.TEN.pow(18);
    // encodePriceSqrt(1, 1) = 2^96 and encodePriceSqrt(121, 100) = floor(1.1 * 2^96) (bignumber.js, exact here).
    private static final BigInteger PRICE_1 = BigInteger.ONE.shiftLeft(96);
    private static final BigInteger PRICE_1_21 = new BigInteger("87150978765690771352898345369");

    @Test
    void returnsZeroForZeroLiquidityOrEqualPrices() {
        BigInteger price2 = new BigInteger("112045541949572279837463876454"); // encodePriceSqrt(2, 1)
        assertThat(SqrtPriceMath.getAmount0Delta(PRICE_1, price2, BigInteger.ZERO, true)).isZero();
        assertThat(SqrtPriceMath.getAmount1Delta(PRICE_1, price2, BigInteger.ZERO, true)).isZero();
        assertThat(SqrtPriceMath.getAmount0Delta(PRICE_1, PRICE_1, E18, true)).isZero();
        assertThat(SqrtPriceMath.getAmount1Delta(PRICE_1, PRICE_1, E18, true)).isZero();
    }

    // 'returns 0.1 amount1 for price of 1 to 1.21': amount0 90909090909090910 rounded up, one less rounded down.
    @Test
    void amount0ForPrice1To1point21RoundsUpAndDown() {
        assertThat(SqrtPriceMath.getAmount0Delta(PRICE_1, PRICE_1_21, E18, true)).isEqualTo("90909090909090910");
        assertThat(SqrtPriceMath.getAmount0Delta(PRICE_1, PRICE_1_21, E18, false)).isEqualTo("90909090909090909");
        // The bounds may come in either order.
        assertThat(SqrtPriceMath.getAmount0Delta(PRICE_1_21, PRICE_1, E18, true)).isEqualTo("90909090909090910");
    }

    // 'returns 0.1 amount1 for price of 1 to 1.21': amount1 100000000000000000 rounded up, one less rounded down
    // (the floored sqrt price of 1.21 makes the exact amount a hair under 0.1e18).
    @Test
    void amount1ForPrice1To1point21RoundsUpAndDown() {
        assertThat(SqrtPriceMath.getAmount1Delta(PRICE_1, PRICE_1_21, E18, true)).isEqualTo("100000000000000000");
        assertThat(SqrtPriceMath.getAmount1Delta(PRICE_1, PRICE_1_21, E18, false)).isEqualTo("99999999999999999");
        assertThat(SqrtPriceMath.getAmount1Delta(PRICE_1_21, PRICE_1, E18, false)).isEqualTo("99999999999999999");
    }

    // 'works for prices that overflow': encodePriceSqrt(2^90, 1) = 2^45 * 2^96 and encodePriceSqrt(2^96, 1) = 2^48 * 2^96;
    // the spec asserts up == down + 1, and the values (24869 / 24868) were computed in Python as
    // ceil(ceil(L * 2^96 * (B - A) / B) / A) and floor(floor(L * 2^96 * (B - A) / B) / A).
    @Test
    void amount0IsExactForPricesWhoseProductOverflows() {
        BigInteger lower = BigInteger.ONE.shiftLeft(96 + 45);
        BigInteger upper = BigInteger.ONE.shiftLeft(96 + 48);
        assertThat(SqrtPriceMath.getAmount0Delta(lower, upper, E18, true)).isEqualTo("24869");
        assertThat(SqrtPriceMath.getAmount0Delta(lower, upper, E18, false)).isEqualTo("24868");
    }

    // 'swap computation' / 'sqrtP * sqrtQ overflows': 160-bit prices and a 126-bit liquidity give 406 rounded up.
    @Test
    void amount0IsExactForLargePricesAndLiquidity() {
        BigInteger sqrtP = new BigInteger("1025574284609383690408304870162715216695788925244");
        BigInteger sqrtQ = new BigInteger("1025574284609383582644711336373707553698163132913");
        BigInteger liquidity = new BigInteger("50015962439936049619261659728067971248");
        assertThat(SqrtPriceMath.getAmount0Delta(sqrtQ, sqrtP, liquidity, true)).isEqualTo("406");
    }

    // getAmount0Delta divides once by sqrtA * sqrtB where the contract divides by sqrtB and then by sqrtA; the oracle
    // here is the contract's two steps written out with exact integers.
    @Test
    void amount0MatchesTheContractsTwoRoundedDivisions() {
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 50_000; i++) {
            BigInteger a = new BigInteger(1 + random.nextInt(160), random).add(BigInteger.ONE).min(TickMath.MAX_SQRT_RATIO);
            BigInteger b = new BigInteger(1 + random.nextInt(160), random).add(BigInteger.ONE).min(TickMath.MAX_SQRT_RATIO);
            BigInteger liquidity = new BigInteger(random.nextInt(129), random);
            BigInteger lower = a.min(b);
            BigInteger upper = a.max(b);
            BigInteger numerator = liquidity.shiftLeft(96).multiply(upper.subtract(lower));
            BigInteger down = numerator.divide(upper).divide(lower);
            BigInteger up = ceilDiv(ceilDiv(numerator, upper), lower);
            assertThat(SqrtPriceMath.getAmount0Delta(a, b, liquidity, false)).isEqualTo(down);
            assertThat(SqrtPriceMath.getAmount0Delta(a, b, liquidity, true)).isEqualTo(up);
            assertThat(LiquidityAmounts.getAmount0ForLiquidity(a, b, liquidity)).isEqualTo(down);
        }
    }

    // The contract's require(sqrtRatioAX96 > 0) in getAmount0Delta.
    @Test
    void amount0RevertsWhenTheLowerPriceIsZero() {
        assertThatThrownBy(() -> SqrtPriceMath.getAmount0Delta(BigInteger.ZERO, PRICE_1, E18, true))
                .isInstanceOf(AmmMathException.class)
                .extracting(e -> ((AmmMathException) e).reason()).isEqualTo(AmmMathException.Reason.ZERO_SQRT_RATIO);
    }

    // The signed helpers (SqrtPriceMath.sol): a mint (positive delta) rounds up, a burn (negative delta) pays out
    // minus the rounded-down amount - the 1 -> 1.21 figures above.
    @Test
    void signedDeltasRoundUpForMintsAndDownForBurns() {
        assertThat(SqrtPriceMath.getAmount0Delta(PRICE_1, PRICE_1_21, E18)).isEqualTo("90909090909090910");
        assertThat(SqrtPriceMath.getAmount0Delta(PRICE_1, PRICE_1_21, E18.negate())).isEqualTo("-90909090909090909");
        assertThat(SqrtPriceMath.getAmount1Delta(PRICE_1, PRICE_1_21, E18)).isEqualTo("100000000000000000");
        assertThat(SqrtPriceMath.getAmount1Delta(PRICE_1, PRICE_1_21, E18.negate())).isEqualTo("-99999999999999999");
    }

    @Test
    void refusesLiquidityThatIsNotAUint128() {
        assertThatThrownBy(() -> SqrtPriceMath.getAmount0Delta(PRICE_1, PRICE_1_21, BigInteger.ONE.shiftLeft(128), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("liquidity").hasMessageContaining("uint128");
    }

    private static BigInteger ceilDiv(BigInteger x, BigInteger y) {
        BigInteger[] quotientAndRemainder = x.divideAndRemainder(y);
        return quotientAndRemainder[1].signum() == 0 ? quotientAndRemainder[0] : quotientAndRemainder[0].add(BigInteger.ONE);
    }
}
