package io.tideline.bench.amm;

import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.PositionMathCases;
import io.tideline.amm.PositionMathCases.Case;
import io.tideline.amm.PositionMathCases.Function;
import io.tideline.amm.SqrtPriceMath;
import io.tideline.amm.TickMath;
import io.tideline.amm.Uint256;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * shared-amm's position math on the seeded random cases of {@link PositionMathCases} — the very cases
 * {@code bench/amm-vs-sdk.sh} times with the official Uniswap v3 SDK in Node.js ({@code time.js}) in the same run.
 * One benchmark per function, named as the case lines name it; each operation is one case, the cases of the
 * function cycled in order. {@code api=limbs} is the allocation-free {@link Uint256} {@code long[4]} path (inputs
 * converted once, in setup, as a hot loop holds them), {@code api=BigInteger} the public BigInteger API.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PositionMathVsSdkBenchmark {

    @Param("20260520")
    public long seed;

    @Param("1000")
    public int cases;

    @Param({"limbs", "BigInteger"})
    public String api;

    private boolean bigInteger;
    private int next;

    private int[] ticks;
    private Arguments tickAtSqrtRatio;
    private Arguments amount0DeltaUp;
    private Arguments amount0DeltaDown;
    private Arguments amount1DeltaUp;
    private Arguments amount1DeltaDown;
    private Arguments amountsForLiquidity;
    private Arguments liquidityForAmounts;
    private final long[] out = Uint256.zero();
    private final long[] out2 = Uint256.zero();

    /** One function's cases, argument by argument: as limbs and as BigIntegers. */
    private static final class Arguments {
        final long[][][] limbs;
        final BigInteger[][] values;

        Arguments(List<Case> cases) {
            int arity = cases.get(0).arguments().size();
            limbs = new long[arity][cases.size()][];
            values = new BigInteger[arity][cases.size()];
            for (int i = 0; i < cases.size(); i++) {
                for (int a = 0; a < arity; a++) {
                    values[a][i] = cases.get(i).arguments().get(a);
                    limbs[a][i] = Uint256.of(values[a][i]);
                }
            }
        }
    }

    @Setup
    public void drawCases() {
        bigInteger = switch (api) {
            case "limbs" -> false;
            case "BigInteger" -> true;
            default -> throw new IllegalArgumentException("api must be limbs or BigInteger, was " + api);
        };
        List<Case> all = PositionMathCases.generate(seed, cases);
        ticks = of(all, Function.SQRT_RATIO_AT_TICK).stream()
                .mapToInt(c -> c.arguments().get(0).intValueExact()).toArray();
        tickAtSqrtRatio = new Arguments(of(all, Function.TICK_AT_SQRT_RATIO));
        amount0DeltaUp = new Arguments(of(all, Function.AMOUNT0_DELTA_UP));
        amount0DeltaDown = new Arguments(of(all, Function.AMOUNT0_DELTA_DOWN));
        amount1DeltaUp = new Arguments(of(all, Function.AMOUNT1_DELTA_UP));
        amount1DeltaDown = new Arguments(of(all, Function.AMOUNT1_DELTA_DOWN));
        amountsForLiquidity = new Arguments(of(all, Function.AMOUNTS_FOR_LIQUIDITY));
        liquidityForAmounts = new Arguments(of(all, Function.LIQUIDITY_FOR_AMOUNTS));
    }

    private static List<Case> of(List<Case> all, Function function) {
        return all.stream().filter(c -> c.function() == function).toList();
    }

    private int nextCase() {
        int i = next + 1;
        next = i == cases ? 0 : i;
        return next;
    }

    @Benchmark
    public Object getSqrtRatioAtTick() {
        int tick = ticks[nextCase()];
        if (bigInteger) {
            return TickMath.getSqrtRatioAtTick(tick);
        }
        TickMath.getSqrtRatioAtTick(tick, out);
        return out;
    }

    @Benchmark
    public int getTickAtSqrtRatio() {
        int i = nextCase();
        return bigInteger ? TickMath.getTickAtSqrtRatio(tickAtSqrtRatio.values[0][i])
                : TickMath.getTickAtSqrtRatio(tickAtSqrtRatio.limbs[0][i]);
    }

    @Benchmark
    public Object getAmount0DeltaUp() {
        return amount0Delta(amount0DeltaUp, true);
    }

    @Benchmark
    public Object getAmount0DeltaDown() {
        return amount0Delta(amount0DeltaDown, false);
    }

    @Benchmark
    public Object getAmount1DeltaUp() {
        return amount1Delta(amount1DeltaUp, true);
    }

    @Benchmark
    public Object getAmount1DeltaDown() {
        return amount1Delta(amount1DeltaDown, false);
    }

    @Benchmark
    public void getAmountsForLiquidity(Blackhole blackhole) {
        int i = nextCase();
        Arguments a = amountsForLiquidity;
        if (bigInteger) {
            blackhole.consume(LiquidityAmounts.getAmountsForLiquidity(a.values[0][i], a.values[1][i], a.values[2][i],
                    a.values[3][i]));
        } else {
            LiquidityAmounts.getAmountsForLiquidity(a.limbs[0][i], a.limbs[1][i], a.limbs[2][i], a.limbs[3][i], out,
                    out2);
            blackhole.consume(out);
            blackhole.consume(out2);
        }
    }

    @Benchmark
    public Object getLiquidityForAmounts() {
        int i = nextCase();
        Arguments a = liquidityForAmounts;
        if (bigInteger) {
            return LiquidityAmounts.getLiquidityForAmounts(a.values[0][i], a.values[1][i], a.values[2][i],
                    a.values[3][i], a.values[4][i]);
        }
        LiquidityAmounts.getLiquidityForAmounts(a.limbs[0][i], a.limbs[1][i], a.limbs[2][i], a.limbs[3][i],
                a.limbs[4][i], out);
        return out;
    }

    private Object amount0Delta(Arguments a, boolean roundUp) {
        int i = nextCase();
        if (bigInteger) {
            return SqrtPriceMath.getAmount0Delta(a.values[0][i], a.values[1][i], a.values[2][i], roundUp);
        }
        SqrtPriceMath.getAmount0Delta(a.limbs[0][i], a.limbs[1][i], a.limbs[2][i], roundUp, out);
        return out;
    }

    private Object amount1Delta(Arguments a, boolean roundUp) {
        int i = nextCase();
        if (bigInteger) {
            return SqrtPriceMath.getAmount1Delta(a.values[0][i], a.values[1][i], a.values[2][i], roundUp);
        }
        SqrtPriceMath.getAmount1Delta(a.limbs[0][i], a.limbs[1][i], a.limbs[2][i], roundUp, out);
        return out;
    }
}
