package io.tideline.bench.amm;

import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.SqrtPriceMath;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The cost of valuing one Uniswap v3 LP position with shared-amm: the pool's tick from its sqrt price, the sqrt
 * prices of the tick and of the range's bounds, the position's amounts, the liquidity those amounts buy back, and
 * the rounded-up amounts a mint of that liquidity would cost. Run by {@code bench/amm-valuation.sh}.
 *
 * <p>Inputs are a USDC (6) / WETH (18) 0.05% pool, token0 = USDC, so ticks sit around +200,000 (about 2,000 USDC
 * per WETH); 256 positions with ranges of 10 to 4,000 ticks at spacing 10 and liquidity 1e18 to 1e22, some in range
 * and some out, cycled so that no single input is what gets measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PositionValuationBenchmark {

    private static final int POSITIONS = 256;
    private static final int TICK_SPACING = 10;

    private final int[] tickLower = new int[POSITIONS];
    private final int[] tickUpper = new int[POSITIONS];
    private final BigInteger[] liquidity = new BigInteger[POSITIONS];
    private final BigInteger[] poolSqrtPriceX96 = new BigInteger[POSITIONS];
    private final BigInteger[] sqrtRatioLowerX96 = new BigInteger[POSITIONS];
    private final BigInteger[] sqrtRatioUpperX96 = new BigInteger[POSITIONS];
    private int next;

    @Setup
    public void createPositions() {
        SplittableRandom random = new SplittableRandom(20_240_601L);
        for (int i = 0; i < POSITIONS; i++) {
            int poolTick = 195_000 + random.nextInt(10_000);
            int lower = Math.floorDiv(poolTick - random.nextInt(3_000), TICK_SPACING) * TICK_SPACING;
            tickLower[i] = lower;
            tickUpper[i] = lower + TICK_SPACING * (1 + random.nextInt(400));
            liquidity[i] = BigInteger.TEN.pow(18 + random.nextInt(4)).multiply(BigInteger.valueOf(1 + random.nextInt(9)));
            // A sqrt price strictly inside the pool tick, as slot0 holds after a swap.
            BigInteger floor = TickMath.getSqrtRatioAtTick(poolTick);
            BigInteger width = TickMath.getSqrtRatioAtTick(poolTick + 1).subtract(floor);
            poolSqrtPriceX96[i] = floor.add(width.multiply(BigInteger.valueOf(random.nextInt(1_000))).divide(BigInteger.valueOf(1_000)));
            sqrtRatioLowerX96[i] = TickMath.getSqrtRatioAtTick(tickLower[i]);
            sqrtRatioUpperX96[i] = TickMath.getSqrtRatioAtTick(tickUpper[i]);
        }
    }

    /** One full valuation: 3 getSqrtRatioAtTick, 1 getTickAtSqrtRatio, amounts, liquidity, two rounded-up deltas. */
    @Benchmark
    public void valuation(Blackhole blackhole) {
        int i = nextPosition();
        BigInteger sqrtPriceX96 = poolSqrtPriceX96[i];
        int tick = TickMath.getTickAtSqrtRatio(sqrtPriceX96);
        BigInteger sqrtRatioAtTick = TickMath.getSqrtRatioAtTick(tick);
        BigInteger sqrtRatioAX96 = TickMath.getSqrtRatioAtTick(tickLower[i]);
        BigInteger sqrtRatioBX96 = TickMath.getSqrtRatioAtTick(tickUpper[i]);
        TokenAmounts amounts = LiquidityAmounts.getAmountsForLiquidity(sqrtPriceX96, sqrtRatioAX96, sqrtRatioBX96, liquidity[i]);
        BigInteger liquidityForAmounts = LiquidityAmounts.getLiquidityForAmounts(
                sqrtPriceX96, sqrtRatioAX96, sqrtRatioBX96, amounts.amount0(), amounts.amount1());
        // What minting the same liquidity would cost: the pool rounds what it takes in up.
        BigInteger inRangeOrBelow = sqrtPriceX96.max(sqrtRatioAX96).min(sqrtRatioBX96);
        BigInteger mintAmount0 = SqrtPriceMath.getAmount0Delta(inRangeOrBelow, sqrtRatioBX96, liquidity[i], true);
        BigInteger mintAmount1 = SqrtPriceMath.getAmount1Delta(sqrtRatioAX96, inRangeOrBelow, liquidity[i], true);
        blackhole.consume(sqrtRatioAtTick);
        blackhole.consume(amounts);
        blackhole.consume(liquidityForAmounts);
        blackhole.consume(mintAmount0);
        blackhole.consume(mintAmount1);
    }

    @Benchmark
    public BigInteger getSqrtRatioAtTick() {
        return TickMath.getSqrtRatioAtTick(tickLower[nextPosition()]);
    }

    @Benchmark
    public int getTickAtSqrtRatio() {
        return TickMath.getTickAtSqrtRatio(poolSqrtPriceX96[nextPosition()]);
    }

    @Benchmark
    public TokenAmounts getAmountsForLiquidity() {
        int i = nextPosition();
        return LiquidityAmounts.getAmountsForLiquidity(poolSqrtPriceX96[i], sqrtRatioLowerX96[i], sqrtRatioUpperX96[i], liquidity[i]);
    }

    private int nextPosition() {
        next = (next + 1) & (POSITIONS - 1);
        return next;
    }
}
