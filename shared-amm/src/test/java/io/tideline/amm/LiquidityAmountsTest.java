package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

// Vectors from Uniswap/v3-periphery test/LiquidityAmounts.spec.ts (#getLiquidityForAmounts, #getAmountsForLiquidity:
// price inside, below, above, and on each boundary; amounts 100 / 200). The sqrt prices are the spec's
// encodePriceSqrt(reserve1, reserve0), reproduced in Python with bignumber.js's rules (quotient and square root each
// rounded half-up to 20 decimal places, times 2^96, floored). Every expected figure was also recomputed in Python with
// exact integers (mulDiv = a * b // d), which agreed with the spec.
class LiquidityAmountsTest {

    private static final BigInteger PRICE_1 = new BigInteger("79228162514264337593543950336"); // encodePriceSqrt(1, 1)
    private static final BigInteger LOWER = new BigInteger("75541088972021052633037516895"); // encodePriceSqrt(100, 110)
    private static final BigInteger UPPER = new BigInteger("83095197869223157895945127772"); // encodePriceSqrt(110, 100)
    private static final BigInteger BELOW = new BigInteger("75162434512514379355950439203"); // encodePriceSqrt(99, 110)
    private static final BigInteger ABOVE = new BigInteger("83472048772503575395047779114"); // encodePriceSqrt(111, 100)
    private static final BigInteger PRICE_0_99 = new BigInteger("78831026366734652303314989545"); // encodePriceSqrt(99, 100)
    private static final BigInteger AMOUNT0 = BigInteger.valueOf(100);
    private static final BigInteger AMOUNT1 = BigInteger.valueOf(200);

    @Test
    void liquidityForAmountsInsideTheRangeIsTheSmallerOfTheTwo() {
        assertThat(LiquidityAmounts.getLiquidityForAmounts(PRICE_1, LOWER, UPPER, AMOUNT0, AMOUNT1)).isEqualTo("2148");
        // The bounds may come in either order.
        assertThat(LiquidityAmounts.getLiquidityForAmounts(PRICE_1, UPPER, LOWER, AMOUNT0, AMOUNT1)).isEqualTo("2148");
        // The first published version of the spec (commit e3fb908) called encodePriceSqrt(99, 100) 'price below'; it is
        // inside the range, and the spec expected 1938.
        assertThat(LiquidityAmounts.getLiquidityForAmounts(PRICE_0_99, LOWER, UPPER, AMOUNT0, AMOUNT1)).isEqualTo("1938");
    }

    @Test
    void liquidityForAmountsBelowOrAtTheLowerBoundUsesToken0Only() {
        assertThat(LiquidityAmounts.getLiquidityForAmounts(BELOW, LOWER, UPPER, AMOUNT0, AMOUNT1)).isEqualTo("1048");
        // 'amounts for price equal to lower boundary': the contract's sqrtRatioX96 <= sqrtRatioAX96.
        assertThat(LiquidityAmounts.getLiquidityForAmounts(LOWER, LOWER, UPPER, AMOUNT0, AMOUNT1)).isEqualTo("1048");
    }

    @Test
    void liquidityForAmountsAboveOrAtTheUpperBoundUsesToken1Only() {
        assertThat(LiquidityAmounts.getLiquidityForAmounts(ABOVE, LOWER, UPPER, AMOUNT0, AMOUNT1)).isEqualTo("2097");
        assertThat(LiquidityAmounts.getLiquidityForAmounts(UPPER, LOWER, UPPER, AMOUNT0, AMOUNT1)).isEqualTo("2097");
    }

    @Test
    void amountsForLiquidityInsideTheRangeHoldBothTokens() {
        assertThat(LiquidityAmounts.getAmountsForLiquidity(PRICE_1, LOWER, UPPER, BigInteger.valueOf(2148)))
                .isEqualTo(amounts(99, 99));
        assertThat(LiquidityAmounts.getAmountsForLiquidity(PRICE_1, UPPER, LOWER, BigInteger.valueOf(2148)))
                .isEqualTo(amounts(99, 99));
    }

    @Test
    void amountsForLiquidityBelowOrAtTheLowerBoundHoldToken0Only() {
        assertThat(LiquidityAmounts.getAmountsForLiquidity(BELOW, LOWER, UPPER, BigInteger.valueOf(1048)))
                .isEqualTo(amounts(99, 0));
        assertThat(LiquidityAmounts.getAmountsForLiquidity(LOWER, LOWER, UPPER, BigInteger.valueOf(1048)))
                .isEqualTo(amounts(99, 0));
    }

    @Test
    void amountsForLiquidityAboveOrAtTheUpperBoundHoldToken1Only() {
        assertThat(LiquidityAmounts.getAmountsForLiquidity(ABOVE, LOWER, UPPER, BigInteger.valueOf(2097)))
                .isEqualTo(amounts(0, 199));
        assertThat(LiquidityAmounts.getAmountsForLiquidity(UPPER, LOWER, UPPER, BigInteger.valueOf(2097)))
                .isEqualTo(amounts(0, 199));
    }

    // LiquidityAmounts.sol toUint128: require((y = uint128(x)) == x). 2^200 of token0 over a 1 -> 1.0001 range is
    // about 2^200 * 2^96 / (2^96 * 0.00005) liquidity, far past 2^128.
    @Test
    void revertsWhereToUint128WouldOverflow() {
        BigInteger upper = TickMath.getSqrtRatioAtTick(1);
        BigInteger huge = BigInteger.ONE.shiftLeft(200);
        for (var call : new org.assertj.core.api.ThrowableAssert.ThrowingCallable[] {
                () -> LiquidityAmounts.getLiquidityForAmount0(PRICE_1, upper, huge),
                () -> LiquidityAmounts.getLiquidityForAmount1(PRICE_1, upper, huge),
                () -> LiquidityAmounts.getLiquidityForAmounts(BigInteger.ONE, PRICE_1, upper, huge, BigInteger.ZERO)}) {
            assertThatThrownBy(call).isInstanceOf(AmmMathException.class)
                    .hasMessageContaining("toUint128")
                    .extracting(e -> ((AmmMathException) e).reason()).isEqualTo(AmmMathException.Reason.UINT128_OVERFLOW);
        }
    }

    @Test
    void revertsOnAnEmptyRange() {
        assertThatThrownBy(() -> LiquidityAmounts.getLiquidityForAmount1(LOWER, LOWER, AMOUNT1))
                .isInstanceOf(AmmMathException.class)
                .extracting(e -> ((AmmMathException) e).reason()).isEqualTo(AmmMathException.Reason.DIVISION_BY_ZERO);
    }

    private static TokenAmounts amounts(long amount0, long amount1) {
        return new TokenAmounts(BigInteger.valueOf(amount0), BigInteger.valueOf(amount1));
    }
}
