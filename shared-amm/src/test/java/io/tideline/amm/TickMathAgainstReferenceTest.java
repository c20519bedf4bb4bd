package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

// TickMath runs the contract's algorithms on 64-bit limbs; ReferenceTickMath is the same port one BigInteger
// operation per Solidity operation, and the snapshot vectors in TickMathTest pin both to the chain.
class TickMathAgainstReferenceTest {

    @Test
    void getSqrtRatioAtTickAgreesOnEveryTick() {
        for (int tick = TickMath.MIN_TICK; tick <= TickMath.MAX_TICK; tick++) {
            BigInteger expected = ReferenceTickMath.getSqrtRatioAtTick(tick);
            BigInteger actual = TickMath.getSqrtRatioAtTick(tick);
            if (!actual.equals(expected)) {
                assertThat(actual).as("tick %d", tick).isEqualTo(expected);
            }
        }
    }

    @Test
    void getTickAtSqrtRatioAgreesAroundEveryHundredthTick() {
        for (int tick = TickMath.MIN_TICK; tick < TickMath.MAX_TICK; tick += 97) {
            BigInteger ratio = TickMath.getSqrtRatioAtTick(tick);
            for (BigInteger sqrtPriceX96 : new BigInteger[] {ratio, ratio.add(BigInteger.ONE), ratio.subtract(BigInteger.ONE)}) {
                if (sqrtPriceX96.compareTo(TickMath.MIN_SQRT_RATIO) >= 0) {
                    assertThat(TickMath.getTickAtSqrtRatio(sqrtPriceX96)).as("sqrtPriceX96 %s", sqrtPriceX96)
                            .isEqualTo(ReferenceTickMath.getTickAtSqrtRatio(sqrtPriceX96));
                }
            }
        }
    }

    @Test
    void getTickAtSqrtRatioAgreesOnRandomPricesOfEveryWidth() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            int bits = 33 + random.nextInt(128);
            BigInteger sqrtPriceX96 = new BigInteger(bits, new java.util.Random(random.nextLong())).setBit(bits - 1);
            if (sqrtPriceX96.compareTo(TickMath.MIN_SQRT_RATIO) < 0 || sqrtPriceX96.compareTo(TickMath.MAX_SQRT_RATIO) >= 0) {
                continue;
            }
            int expected = ReferenceTickMath.getTickAtSqrtRatio(sqrtPriceX96);
            int actual = TickMath.getTickAtSqrtRatio(sqrtPriceX96);
            if (actual != expected) {
                assertThat(actual).as("sqrtPriceX96 %s", sqrtPriceX96).isEqualTo(expected);
            }
        }
    }
}
