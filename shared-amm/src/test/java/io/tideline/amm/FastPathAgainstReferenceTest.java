package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free {@code long[]} overloads against the straight BigInteger ports (ReferenceTickMath,
 * ReferenceSqrtPriceMath, ReferenceLiquidityAmounts) on random and boundary inputs: the same integer, or the same
 * revert with the same reason and message.
 */
class FastPathAgainstReferenceTest {

    private static final int CASES = 100_000;
    private static final BigInteger MAX_UINT160 = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);
    private static final List<BigInteger> BOUNDARY_PRICES = List.of(BigInteger.ZERO, BigInteger.ONE,
            TickMath.MIN_SQRT_RATIO, TickMath.MIN_SQRT_RATIO.add(BigInteger.ONE), FixedPoint.Q96,
            BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(128), TickMath.MAX_SQRT_RATIO.subtract(BigInteger.ONE), TickMath.MAX_SQRT_RATIO,
            MAX_UINT160);
    private static final List<BigInteger> BOUNDARY_AMOUNTS = List.of(BigInteger.ZERO, BigInteger.ONE,
            BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64),
            SolidityUint.MAX_UINT128, SolidityUint.TWO_POW_128, SolidityUint.MAX_UINT256);

    @Test
    void sqrtRatioAtTickMatchesTheReferenceOnEveryTickBoundaryAndRandomTicks() {
        Random random = new Random(1);
        long[] out = Uint256.zero();
        int[] boundaries = {TickMath.MIN_TICK - 1, TickMath.MIN_TICK, TickMath.MIN_TICK + 1, -1, 0, 1,
                TickMath.MAX_TICK - 1, TickMath.MAX_TICK, TickMath.MAX_TICK + 1, Integer.MIN_VALUE, Integer.MAX_VALUE};
        for (int i = 0; i < CASES + boundaries.length; i++) {
            int tick = i < boundaries.length ? boundaries[i] : random.nextInt(2 * TickMath.MAX_TICK + 1) + TickMath.MIN_TICK;
            Object expected = outcome(() -> ReferenceTickMath.getSqrtRatioAtTick(tick));
            Object actual = outcome(() -> {
                TickMath.getSqrtRatioAtTick(tick, out);
                return Uint256.toBigInteger(out);
            });
            assertThat(actual).as("tick %d", tick).isEqualTo(expected);
        }
    }

    @Test
    void tickAtSqrtRatioMatchesTheReferenceOnRandomAndBoundaryPrices() {
        Random random = new Random(2);
        for (int i = 0; i < CASES; i++) {
            BigInteger price = i < BOUNDARY_PRICES.size() ? BOUNDARY_PRICES.get(i) : randomPrice(random);
            long[] limbs = Uint256.of(price);
            assertThat(outcome(() -> TickMath.getTickAtSqrtRatio(limbs)))
                    .as("sqrtPriceX96 %s", price)
                    .isEqualTo(outcome(() -> ReferenceTickMath.getTickAtSqrtRatio(price)));
        }
    }

    @Test
    void amountDeltasMatchTheReferenceInBothRoundings() {
        Random random = new Random(3);
        long[] out = Uint256.zero();
        for (int i = 0; i < CASES; i++) {
            BigInteger a = price(random);
            BigInteger b = price(random);
            BigInteger liquidity = uint(random, 128);
            boolean roundUp = random.nextBoolean();
            assertThat(outcome(() -> {
                SqrtPriceMath.getAmount0Delta(Uint256.of(a), Uint256.of(b), Uint256.of(liquidity), roundUp, out);
                return Uint256.toBigInteger(out);
            })).as("amount0 %s %s %s %s", a, b, liquidity, roundUp)
                    .isEqualTo(outcome(() -> ReferenceSqrtPriceMath.getAmount0Delta(a, b, liquidity, roundUp)));
            assertThat(outcome(() -> {
                SqrtPriceMath.getAmount1Delta(Uint256.of(a), Uint256.of(b), Uint256.of(liquidity), roundUp, out);
                return Uint256.toBigInteger(out);
            })).as("amount1 %s %s %s %s", a, b, liquidity, roundUp)
                    .isEqualTo(outcome(() -> ReferenceSqrtPriceMath.getAmount1Delta(a, b, liquidity, roundUp)));
        }
    }

    @Test
    void amountsForLiquidityMatchTheReference() {
        Random random = new Random(4);
        long[] amount0 = Uint256.zero();
        long[] amount1 = Uint256.zero();
        for (int i = 0; i < CASES; i++) {
            BigInteger price = price(random);
            BigInteger a = price(random);
            BigInteger b = price(random);
            BigInteger liquidity = uint(random, 128);
            assertThat(outcome(() -> {
                LiquidityAmounts.getAmountsForLiquidity(Uint256.of(price), Uint256.of(a), Uint256.of(b),
                        Uint256.of(liquidity), amount0, amount1);
                return new TokenAmounts(Uint256.toBigInteger(amount0), Uint256.toBigInteger(amount1));
            })).as("amounts %s %s %s %s", price, a, b, liquidity)
                    .isEqualTo(outcome(() -> ReferenceLiquidityAmounts.getAmountsForLiquidity(price, a, b, liquidity)));
        }
    }

    @Test
    void liquidityForAmountsMatchesTheReferenceIncludingItsReverts() {
        Random random = new Random(5);
        long[] liquidity = Uint256.zero();
        for (int i = 0; i < CASES; i++) {
            BigInteger price = price(random);
            BigInteger a = price(random);
            BigInteger b = i % 11 == 0 ? a : price(random);
            BigInteger amount0 = uint(random, random.nextInt(4) == 0 ? 256 : 128);
            BigInteger amount1 = uint(random, random.nextInt(4) == 0 ? 256 : 128);
            assertThat(outcome(() -> {
                LiquidityAmounts.getLiquidityForAmounts(Uint256.of(price), Uint256.of(a), Uint256.of(b),
                        Uint256.of(amount0), Uint256.of(amount1), liquidity);
                return Uint256.toBigInteger(liquidity);
            })).as("liquidity %s %s %s %s %s", price, a, b, amount0, amount1)
                    .isEqualTo(outcome(() -> ReferenceLiquidityAmounts.getLiquidityForAmounts(
                            price, a, b, amount0, amount1)));
        }
    }

    @Test
    void theBigIntegerApiAgreesWithTheReference() {
        Random random = new Random(6);
        for (int i = 0; i < 20_000; i++) {
            BigInteger price = price(random);
            BigInteger a = price(random);
            BigInteger b = price(random);
            BigInteger liquidity = uint(random, 128);
            BigInteger amount = uint(random, 256);
            assertThat(outcome(() -> LiquidityAmounts.getAmountsForLiquidity(price, a, b, liquidity)))
                    .isEqualTo(outcome(() -> ReferenceLiquidityAmounts.getAmountsForLiquidity(price, a, b, liquidity)));
            assertThat(outcome(() -> LiquidityAmounts.getLiquidityForAmounts(price, a, b, amount, amount)))
                    .isEqualTo(outcome(() -> ReferenceLiquidityAmounts.getLiquidityForAmounts(price, a, b, amount, amount)));
            assertThat(outcome(() -> SqrtPriceMath.getAmount0Delta(a, b, liquidity, true)))
                    .isEqualTo(outcome(() -> ReferenceSqrtPriceMath.getAmount0Delta(a, b, liquidity, true)));
            assertThat(outcome(() -> SqrtPriceMath.getAmount1Delta(a, b, liquidity, false)))
                    .isEqualTo(outcome(() -> ReferenceSqrtPriceMath.getAmount1Delta(a, b, liquidity, false)));
        }
    }

    @Test
    void refusesLimbsOutsideTheSolidityTypeAsTheBigIntegerApiDoes() {
        long[] tooWide = Uint256.of(BigInteger.ONE.shiftLeft(160));
        long[] out = Uint256.zero();
        assertThat(outcome(() -> {
            SqrtPriceMath.getAmount0Delta(tooWide, Uint256.of(BigInteger.TEN), Uint256.of(BigInteger.ONE), true, out);
            return out;
        })).isEqualTo(outcome(() -> SqrtPriceMath.getAmount0Delta(
                BigInteger.ONE.shiftLeft(160), BigInteger.TEN, BigInteger.ONE, true)));
        long[] liquidityTooWide = Uint256.of(SolidityUint.TWO_POW_128);
        assertThat(outcome(() -> {
            LiquidityAmounts.getAmountsForLiquidity(Uint256.of(BigInteger.TEN), Uint256.of(BigInteger.ONE),
                    Uint256.of(BigInteger.TWO), liquidityTooWide, out, Uint256.zero());
            return out;
        })).isEqualTo("IllegalArgumentException: liquidity must be a uint128, was " + SolidityUint.TWO_POW_128);
    }

    /** The value, or the exception's type, reason and message: what must be identical. */
    private static Object outcome(Supplier<Object> call) {
        try {
            return call.get();
        } catch (AmmMathException e) {
            return "AmmMathException " + e.reason() + ": " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "IllegalArgumentException: " + e.getMessage();
        }
    }

    private static BigInteger price(Random random) {
        if (random.nextInt(50) == 0) {
            return BOUNDARY_PRICES.get(random.nextInt(BOUNDARY_PRICES.size()));
        }
        if (random.nextInt(3) == 0) {
            return randomPrice(random);
        }
        return ReferenceTickMath.getSqrtRatioAtTick(
                random.nextInt(2 * TickMath.MAX_TICK + 1) + TickMath.MIN_TICK);
    }

    private static BigInteger randomPrice(Random random) {
        return new BigInteger(1 + random.nextInt(160), random);
    }

    private static BigInteger uint(Random random, int bits) {
        if (random.nextInt(50) == 0) {
            BigInteger boundary = BOUNDARY_AMOUNTS.get(random.nextInt(BOUNDARY_AMOUNTS.size()));
            return boundary.bitLength() <= bits ? boundary : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        }
        return new BigInteger(1 + random.nextInt(bits), random);
    }
}
