package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

// Expected figures computed in Python with exact fractions (price = sqrtPriceX96^2 / 2^192 * 10^(d0 - d1), then
// quantized) and, for ticks, with Decimal logarithms at 300 digits (floor(ln(price * 10^(d1 - d0)) / ln(1.0001))).
class PriceMathTest {

    private static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);
    // floor(1.1 * 2^96), v3-core test/SqrtPriceMath.spec.ts's encodePriceSqrt(121, 100).
    private static final BigInteger SQRT_1_21 = new BigInteger("87150978765690771352898345369");

    @Test
    void pricesASqrtPriceExactlyThenRoundsOnceToTheScale() {
        assertThat(PriceMath.getPriceAtSqrtRatio(Q96, 18, 18, 18, RoundingMode.HALF_EVEN))
                .isEqualTo(new BigDecimal("1.000000000000000000"));
        // (floor(1.1 * 2^96) / 2^96)^2 is a hair under 1.21: rounding down shows it, rounding half-even does not.
        assertThat(PriceMath.getPriceAtSqrtRatio(SQRT_1_21, 18, 18, 18, RoundingMode.DOWN))
                .isEqualTo(new BigDecimal("1.209999999999999999"));
        assertThat(PriceMath.getPriceAtSqrtRatio(SQRT_1_21, 18, 18, 6, RoundingMode.HALF_EVEN))
                .isEqualTo(new BigDecimal("1.210000"));
    }

    // Sqrt prices from v3-core test/__snapshots__/TickMath.spec.ts.snap (ticks -250000 and 50000).
    @Test
    void appliesTheTokenDecimals() {
        // WETH (18) / USDT (6): 1.0001^-250000 * 10^12 ~= 13.9053134905...
        assertThat(PriceMath.getPriceAtTick(-250000, 18, 6, 6, RoundingMode.HALF_EVEN))
                .isEqualTo(new BigDecimal("13.905313"));
        // USDC (6) / WETH (18): 1.0001^50000 * 10^-12 ~= 1.48376062923074618982793...e-10 WETH per USDC.
        assertThat(PriceMath.getPriceAtSqrtRatio(new BigInteger("965075977353221155028623082916"), 6, 18, 30,
                RoundingMode.DOWN)).isEqualTo(new BigDecimal("0.000000000148376062923074618982"));
    }

    @Test
    void priceOfATickIsCloseToOnePointZeroZeroZeroOneToTheTick() {
        for (int tick : new int[] {-400000, -200000, -1, 0, 1, 195000, 400000}) {
            BigDecimal price = PriceMath.getPriceAtTick(tick, 18, 18, 60, RoundingMode.HALF_EVEN);
            BigDecimal exact = tick >= 0
                    ? new BigDecimal("1.0001").pow(tick, MathContext.DECIMAL128)
                    : BigDecimal.ONE.divide(new BigDecimal("1.0001").pow(-tick, MathContext.DECIMAL128), MathContext.DECIMAL128);
            assertThat(price.divide(exact, MathContext.DECIMAL64).doubleValue()).as("tick %d", tick).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void sqrtPriceOfAPriceRoundsDown() {
        assertThat(PriceMath.getSqrtRatioAtPrice(new BigDecimal("1.21"), 18, 18)).isEqualTo(SQRT_1_21);
        // 2000 USDT per WETH (WETH 18 / USDT 6): isqrt(2000 * 2^192 / 10^12).
        assertThat(PriceMath.getSqrtRatioAtPrice(new BigDecimal("2000"), 18, 6)).isEqualTo("3543191142285914205922034");
    }

    @Test
    void tickOfAPriceIsTheFloor() {
        assertThat(PriceMath.getTickAtPrice(BigDecimal.ONE, 18, 18)).isZero();
        assertThat(PriceMath.getTickAtPrice(new BigDecimal("2000"), 18, 6)).isEqualTo(-200312);
        assertThat(PriceMath.getTickAtPrice(new BigDecimal("3141.59"), 18, 6)).isEqualTo(-195796);
        assertThat(PriceMath.getTickAtPrice(new BigDecimal("0.0005"), 6, 18)).isEqualTo(200311);
    }

    @Test
    void tickOfATicksOwnPriceIsThatTick() {
        for (int tick : new int[] {-200000, -1, 0, 1, 200000}) {
            BigDecimal price = PriceMath.getPriceAtTick(tick, 6, 18, 80, RoundingMode.CEILING);
            assertThat(PriceMath.getTickAtPrice(price, 6, 18)).as("tick %d", tick).isEqualTo(tick);
        }
    }

    @Test
    void rejectsPricesNoTickCanHold() {
        assertThatThrownBy(() -> PriceMath.getTickAtPrice(new BigDecimal("1E-40"), 18, 18))
                .isInstanceOf(AmmMathException.class).hasMessageContaining("'R'").hasMessageContaining("1E-40");
        assertThatThrownBy(() -> PriceMath.getTickAtPrice(new BigDecimal("1E+40"), 18, 18))
                .isInstanceOf(AmmMathException.class).hasMessageContaining("'R'");
        assertThatThrownBy(() -> PriceMath.getTickAtPrice(BigDecimal.ZERO, 18, 18))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> PriceMath.getPriceAtTick(0, -1, 18, 2, RoundingMode.DOWN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decimals");
    }
}
