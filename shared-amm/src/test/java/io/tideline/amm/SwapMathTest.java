package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

// Vectors from Uniswap/v3-core test/SwapMath.spec.ts and test/SqrtPriceMath.spec.ts (#getNextSqrtPriceFromInput).
class SwapMathTest {

    private static final BigInteger E18 = BigInteger.TEN.pow(18);
    private static final BigInteger PRICE_1 = BigInteger.ONE.shiftLeft(96);
    private static final BigInteger PRICE_101_100 = new BigInteger("79623317895830914510639640423");
    private static final BigInteger PRICE_10 = new BigInteger("250541448375047931186413801569");

    @Test
    void exactInputCappedAtThePriceTargetOneForZero() {
        SwapMath.Step s = SwapMath.computeSwapStepExactIn(PRICE_1, PRICE_101_100, E18.shiftLeft(1), E18, 600);
        assertThat(s.amountIn()).isEqualTo("9975124224178055");
        assertThat(s.feeAmount()).isEqualTo("5988667735148");
        assertThat(s.amountOut()).isEqualTo("9925619580021728");
        assertThat(s.sqrtRatioNextX96()).isEqualTo(PRICE_101_100);
    }

    @Test
    void exactInputSpentFullyBeforeTheTargetLeavesTheRestAsFee() {
        SwapMath.Step s = SwapMath.computeSwapStepExactIn(PRICE_1, PRICE_10, E18.shiftLeft(1), E18, 600);
        assertThat(s.amountIn()).isEqualTo("999400000000000000");
        assertThat(s.feeAmount()).isEqualTo("600000000000000");
        assertThat(s.amountOut()).isEqualTo("666399946655997866");
        assertThat(s.sqrtRatioNextX96()).isLessThan(PRICE_10);
        assertThat(s.amountIn().add(s.feeAmount())).isEqualTo(E18);
    }

    @Test
    void nextPriceFromATenthOfEitherToken() {
        BigInteger tenth = E18.divide(BigInteger.TEN);
        assertThat(SqrtPriceMath.getNextSqrtPriceFromInput(PRICE_1, E18, tenth, false))
                .isEqualTo("87150978765690771352898345369");
        assertThat(SqrtPriceMath.getNextSqrtPriceFromInput(PRICE_1, E18, tenth, true))
                .isEqualTo("72025602285694852357767227579");
        assertThat(SqrtPriceMath.getNextSqrtPriceFromInput(PRICE_1, E18, BigInteger.ZERO, true)).isEqualTo(PRICE_1);
    }
}
