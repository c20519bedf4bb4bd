package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PositionFeesTest {

    private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    private static final BigInteger Q128 = BigInteger.ONE.shiftLeft(128);
    private static final BigInteger GLOBAL = BigInteger.valueOf(15);

    // Uniswap/v3-core test/Tick.spec.ts #getFeeGrowthInside: range [-2, 2], both globals 15; an uninitialised tick's
    // outside values are 0.
    @Test
    void givesAllGrowthToARangeAroundTheTickWhenNeitherTickHasGrown() {
        assertThat(inside(0, 0, 0, 0, 0)).isEqualTo(growth(15, 15));
        assertThat(inside(4, 0, 0, 0, 0)).isEqualTo(growth(0, 0));
        assertThat(inside(-4, 0, 0, 0, 0)).isEqualTo(growth(0, 0));
    }

    // Tick.spec.ts 'subtracts upper tick if below', 'subtracts lower tick if above', 'subtracts upper and lower tick if inside'.
    @Test
    void subtractsTheGrowthOutsideEachTick() {
        assertThat(inside(0, 0, 0, 2, 3)).isEqualTo(growth(13, 12));
        assertThat(inside(0, 2, 3, 0, 0)).isEqualTo(growth(13, 12));
        assertThat(inside(0, 2, 3, 4, 1)).isEqualTo(growth(9, 11));
    }

    // Tick.spec.ts 'works correctly with overflow on inside tick': lower outside = MaxUint256 - 3 / - 2, upper = 3 / 5,
    // so 15 - (2^256 - 4) - 3 wraps to 16 and 15 - (2^256 - 3) - 5 wraps to 13 (uint256 underflow, as on chain).
    @Test
    void wrapsAroundUint256AsTheContractDoes() {
        FeeGrowthInside result = PositionFees.getFeeGrowthInside(-2, 2, 0, GLOBAL, GLOBAL,
                MAX_UINT256.subtract(BigInteger.valueOf(3)), MAX_UINT256.subtract(BigInteger.TWO),
                BigInteger.valueOf(3), BigInteger.valueOf(5));
        assertThat(result).isEqualTo(growth(16, 13));
    }

    // Position.update (Uniswap/v3-core contracts/libraries/Position.sol): tokensOwed = mulDiv(inside - last, liquidity,
    // 2^128). Figures worked by hand: 5 * 2^128 of growth per unit times liquidity 3 is 15; 1.5 * 2^128 times 3 is 4.5,
    // rounded down to 4.
    @Test
    void tokensOwedIsGrowthTimesLiquidityRoundedDown() {
        BigInteger last = BigInteger.valueOf(1_000);
        assertThat(PositionFees.getTokensOwed(last.add(Q128.multiply(BigInteger.valueOf(5))), last, BigInteger.valueOf(3)))
                .isEqualTo(15);
        assertThat(PositionFees.getTokensOwed(Q128.multiply(BigInteger.valueOf(3)).shiftRight(1), BigInteger.ZERO,
                BigInteger.valueOf(3))).isEqualTo(4);
        assertThat(PositionFees.getTokensOwed(last, last, BigInteger.TEN.pow(24))).isZero();
    }

    // The accumulator overflowed between the two snapshots: inside = 2^128 - 1 after last = 2^256 - 2^128 - 1 is a
    // growth of (2^128 - 1) - (2^256 - 2^128 - 1) + 2^256 = 2^129 per unit; times liquidity 7 / 2^128 = 14.
    @Test
    void tokensOwedTakesTheGrowthModulo2To256() {
        BigInteger last = BigInteger.ONE.shiftLeft(256).subtract(Q128).subtract(BigInteger.ONE);
        BigInteger inside = Q128.subtract(BigInteger.ONE);
        assertThat(PositionFees.getTokensOwed(inside, last, BigInteger.valueOf(7))).isEqualTo(14);
    }

    // uint128(mulDiv(...)) truncates: a growth of 2^255 per unit on liquidity 2^127 + 3 is
    // (2^255 * (2^127 + 3)) / 2^128 = 2^254 + 3 * 2^127, whose low 128 bits are 2^127 (3 * 2^127 = 2^128 + 2^127).
    @Test
    void tokensOwedIsTruncatedToUint128() {
        BigInteger growth = BigInteger.ONE.shiftLeft(255);
        BigInteger liquidity = BigInteger.ONE.shiftLeft(127).add(BigInteger.valueOf(3));
        assertThat(PositionFees.getTokensOwed(growth, BigInteger.ZERO, liquidity)).isEqualTo(BigInteger.ONE.shiftLeft(127));
    }

    private static FeeGrowthInside inside(int tickCurrent, long lower0, long lower1, long upper0, long upper1) {
        return PositionFees.getFeeGrowthInside(-2, 2, tickCurrent, GLOBAL, GLOBAL,
                BigInteger.valueOf(lower0), BigInteger.valueOf(lower1), BigInteger.valueOf(upper0), BigInteger.valueOf(upper1));
    }

    private static FeeGrowthInside growth(long token0, long token1) {
        return new FeeGrowthInside(BigInteger.valueOf(token0), BigInteger.valueOf(token1));
    }
}
