package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.amm.PositionMathCases.Case;
import io.tideline.amm.PositionMathCases.Function;
import io.tideline.jsreference.NodeReference;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential test against the official Uniswap v3 SDK ({@code @uniswap/v3-sdk} 3.31.5 with jsbi 3.2.5, pinned in
 * {@code src/test/uniswap-sdk/package-lock.json}): {@link PositionMathCases} draws seeded random cases, {@code node
 * evaluate.js} computes them with the SDK, and both the {@link BigInteger} API and the allocation-free
 * {@link Uint256} limb overloads must give the SDK's integers bit for bit. Boundary cases are added where both the
 * contract and the SDK reject the input (a tick or sqrt price out of range, a zero sqrt price, equal range bounds):
 * there both must throw, the SDK's message matching the contract check this library names.
 *
 * <p>Where the SDK is known to differ from the chain the test uses what matches the chain and says so:
 * <ul>
 *   <li>{@code getLiquidityForAmounts} is the SDK's {@code maxLiquidityForAmounts(..., useFullPrecision = false)},
 *       the periphery contract's arithmetic; the SDK's default "precise" variant is not what the chain computes.</li>
 *   <li>{@code getAmountsForLiquidity} is composed in {@code positionMath.js} from the SDK's
 *       {@code SqrtPriceMath.getAmount0Delta/getAmount1Delta} rounding down, as the SDK's {@code Position} does (the
 *       SDK exports no such function).</li>
 *   <li>The SDK does not check {@code toUint128}: where the liquidity for amounts exceeds a uint128 the contract
 *       reverts (and so does this library) while the SDK returns a number — pinned by
 *       {@link #whereTheSdkSkipsTheContractsToUint128CheckTheContractIsFollowed()}.</li>
 * </ul>
 *
 * <p>Skipped (never passed) when node or the installed SDK is missing ({@link NodeReference}); {@code ./platform test}
 * installs it first (deploy/launcher/reference-packages.sh). {@code -Damm.sdk.seed} and {@code -Damm.sdk.cases} (per
 * function, at least 1,000) vary the draw.
 */
class AgainstUniswapSdkTest {

    private static final int MIN_CASES = 1000;
    private static final BigInteger ONE = BigInteger.ONE;
    private static final BigInteger TWO_POW_128 = ONE.shiftLeft(128);
    private static final BigInteger MAX_UINT128 = TWO_POW_128.subtract(ONE);
    private static final BigInteger MAX_UINT160 = ONE.shiftLeft(160).subtract(ONE);
    private static final BigInteger MIN = TickMath.MIN_SQRT_RATIO;
    private static final BigInteger MAX = TickMath.MAX_SQRT_RATIO;
    private static final BigInteger Q96 = FixedPoint.Q96;

    /** What the SDK says where the contract check this library names fails. */
    private static final Map<AmmMathException.Reason, String> SDK_MESSAGE = Map.of(
            AmmMathException.Reason.TICK_OUT_OF_RANGE, "Invariant failed: TICK",
            AmmMathException.Reason.SQRT_RATIO_OUT_OF_RANGE, "Invariant failed: SQRT_RATIO",
            AmmMathException.Reason.ZERO_SQRT_RATIO, "Division by zero",
            AmmMathException.Reason.DIVISION_BY_ZERO, "Division by zero");

    /** Cases where both the contract and the SDK reject the input, and edges where both give a value. */
    private static final List<Case> BOUNDARY_CASES = List.of(
            line("getSqrtRatioAtTick", TickMath.MIN_TICK - 1), line("getSqrtRatioAtTick", TickMath.MIN_TICK),
            line("getSqrtRatioAtTick", -1), line("getSqrtRatioAtTick", 0), line("getSqrtRatioAtTick", 1),
            line("getSqrtRatioAtTick", TickMath.MAX_TICK), line("getSqrtRatioAtTick", TickMath.MAX_TICK + 1),
            line("getTickAtSqrtRatio", 0), line("getTickAtSqrtRatio", MIN.subtract(ONE)),
            line("getTickAtSqrtRatio", MIN), line("getTickAtSqrtRatio", MIN.add(ONE)), line("getTickAtSqrtRatio", Q96),
            line("getTickAtSqrtRatio", MAX.subtract(ONE)), line("getTickAtSqrtRatio", MAX),
            line("getTickAtSqrtRatio", MAX_UINT160),
            line("getAmount0DeltaUp", 0, Q96, 1), line("getAmount0DeltaDown", Q96, 0, MAX_UINT128),
            line("getAmount0DeltaUp", MIN, MAX, MAX_UINT128), line("getAmount0DeltaDown", MAX, MIN, MAX_UINT128),
            line("getAmount0DeltaUp", Q96, Q96, MAX_UINT128), line("getAmount0DeltaDown", MIN, MIN, 0),
            line("getAmount1DeltaUp", 0, MAX, MAX_UINT128), line("getAmount1DeltaDown", MIN, MAX, MAX_UINT128),
            line("getAmount1DeltaUp", Q96, Q96, 1), line("getAmount1DeltaDown", Q96, Q96.add(ONE), 1),
            line("getAmountsForLiquidity", 0, 0, Q96, 1), line("getAmountsForLiquidity", MIN, MIN, MAX, MAX_UINT128),
            line("getAmountsForLiquidity", MAX, MIN, MAX, MAX_UINT128),
            line("getAmountsForLiquidity", Q96, Q96, Q96, MAX_UINT128),
            line("getLiquidityForAmounts", Q96, MIN, MIN, 1, 1), line("getLiquidityForAmounts", MIN, Q96, Q96, 1, 1),
            line("getLiquidityForAmounts", MIN, MIN, MAX, MAX_UINT128, MAX_UINT128),
            line("getLiquidityForAmounts", MAX, MIN, MAX, MAX_UINT128, MAX_UINT128),
            line("getLiquidityForAmounts", Q96, MIN, MAX, 0, 0));

    /** Liquidity above a uint128: the contract's toUint128 reverts, the SDK returns a number. */
    private static final List<Case> BEYOND_UINT128 = List.of(
            // below the range: all token0, over one tick
            line("getLiquidityForAmounts", Q96, Q96, TickMath.getSqrtRatioAtTick(1), MAX_UINT128, 0),
            // above the range: all token1, over one tick
            line("getLiquidityForAmounts", TickMath.getSqrtRatioAtTick(2), Q96, TickMath.getSqrtRatioAtTick(1), 0,
                    MAX_UINT128),
            // inside the range: token0 alone overflows, the smaller token1 liquidity is what the SDK returns
            line("getLiquidityForAmounts", TickMath.getSqrtRatioAtTick(1), Q96, TickMath.getSqrtRatioAtTick(2),
                    MAX_UINT128, 1));

    private static final List<Case> CASES = new ArrayList<>();
    private static final List<String> SDK_RESULTS = new ArrayList<>();

    @BeforeAll
    static void evaluateWithTheSdk() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("amm.sdk.dir", "src/test/uniswap-sdk"));
        NodeReference sdk = NodeReference.installedIn(dir, "@uniswap/v3-sdk", "jsbi");
        long seed = Long.getLong("amm.sdk.seed", 20_260_520L);
        int perFunction = Math.max(MIN_CASES, Integer.getInteger("amm.sdk.cases", MIN_CASES));
        CASES.addAll(PositionMathCases.generate(seed, perFunction));
        CASES.addAll(BOUNDARY_CASES);
        CASES.addAll(BEYOND_UINT128);

        SDK_RESULTS.addAll(sdk.run(CASES.stream().map(Case::line).toList(), Duration.ofMinutes(5), "evaluate.js"));
        assertThat(SDK_RESULTS).as("one SDK result per case").hasSize(CASES.size());
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void randomCasesComeOutOfBothApisAsTheSdkComputesThem(Function function) {
        List<Integer> indexes = indexesOf(function, 0, CASES.size() - BOUNDARY_CASES.size() - BEYOND_UINT128.size());
        assertThat(indexes).as(function + " random cases").hasSizeGreaterThanOrEqualTo(MIN_CASES);
        assertThat(mismatches(indexes)).isEmpty();
    }

    @Test
    void boundaryCasesAgreeIncludingWhereBothTheContractAndTheSdkReject() {
        int from = CASES.size() - BOUNDARY_CASES.size() - BEYOND_UINT128.size();
        List<Integer> indexes = indexesOf(null, from, from + BOUNDARY_CASES.size());
        assertThat(indexes.stream().filter(i -> SDK_RESULTS.get(i).startsWith("throws ")).count())
                .as("boundary cases the SDK rejects").isGreaterThanOrEqualTo(10);
        assertThat(mismatches(indexes)).isEmpty();
    }

    @Test
    void whereTheSdkSkipsTheContractsToUint128CheckTheContractIsFollowed() {
        int from = CASES.size() - BEYOND_UINT128.size();
        for (int i = from; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            assertThat(bigIntegerOutcome(c)).as(c.line()).isEqualTo("throws UINT128_OVERFLOW");
            assertThat(limbOutcome(c)).as(c.line()).isEqualTo("throws UINT128_OVERFLOW");
            assertThat(SDK_RESULTS.get(i)).as("the SDK returns a liquidity for " + c.line()).matches("[0-9]+");
        }
        // Below and above the range the SDK's number is the very liquidity the contract refuses to narrow.
        assertThat(new BigInteger(SDK_RESULTS.get(from))).isGreaterThan(MAX_UINT128);
        assertThat(new BigInteger(SDK_RESULTS.get(from + 1))).isGreaterThan(MAX_UINT128);
    }

    private static List<Integer> indexesOf(Function function, int from, int to) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (function == null || CASES.get(i).function() == function) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /** The cases where either API differs from the SDK, one line each: case, SDK, BigInteger API, limbs. */
    private static List<String> mismatches(List<Integer> indexes) {
        List<String> mismatches = new ArrayList<>();
        for (int i : indexes) {
            Case c = CASES.get(i);
            String expected = SDK_RESULTS.get(i);
            String viaBigInteger = bigIntegerOutcome(c);
            String viaLimbs = limbOutcome(c);
            if (!expected.equals(viaBigInteger) || !expected.equals(viaLimbs)) {
                mismatches.add(c.line() + " -> sdk: " + expected + ", BigInteger API: " + viaBigInteger + ", limbs: "
                        + viaLimbs);
            }
        }
        return mismatches;
    }

    /** The case through the BigInteger API, as evaluate.js prints a result. */
    private static String bigIntegerOutcome(Case c) {
        List<BigInteger> a = c.arguments();
        return outcome(() -> switch (c.function()) {
            case SQRT_RATIO_AT_TICK -> TickMath.getSqrtRatioAtTick(a.get(0).intValueExact()).toString();
            case TICK_AT_SQRT_RATIO -> Integer.toString(TickMath.getTickAtSqrtRatio(a.get(0)));
            case AMOUNT0_DELTA_UP -> SqrtPriceMath.getAmount0Delta(a.get(0), a.get(1), a.get(2), true).toString();
            case AMOUNT0_DELTA_DOWN -> SqrtPriceMath.getAmount0Delta(a.get(0), a.get(1), a.get(2), false).toString();
            case AMOUNT1_DELTA_UP -> SqrtPriceMath.getAmount1Delta(a.get(0), a.get(1), a.get(2), true).toString();
            case AMOUNT1_DELTA_DOWN -> SqrtPriceMath.getAmount1Delta(a.get(0), a.get(1), a.get(2), false).toString();
            case AMOUNTS_FOR_LIQUIDITY -> {
                TokenAmounts amounts = LiquidityAmounts.getAmountsForLiquidity(a.get(0), a.get(1), a.get(2), a.get(3));
                yield amounts.amount0() + " " + amounts.amount1();
            }
            case LIQUIDITY_FOR_AMOUNTS -> LiquidityAmounts.getLiquidityForAmounts(
                    a.get(0), a.get(1), a.get(2), a.get(3), a.get(4)).toString();
        });
    }

    /** The case through the allocation-free limb overloads. */
    private static String limbOutcome(Case c) {
        List<BigInteger> a = c.arguments();
        long[][] limbs = a.stream().skip(c.function() == Function.SQRT_RATIO_AT_TICK ? 1 : 0).map(Uint256::of)
                .toArray(long[][]::new);
        long[] out = Uint256.zero();
        long[] out2 = Uint256.zero();
        return outcome(() -> switch (c.function()) {
            case SQRT_RATIO_AT_TICK -> {
                TickMath.getSqrtRatioAtTick(a.get(0).intValueExact(), out);
                yield Uint256.toBigInteger(out).toString();
            }
            case TICK_AT_SQRT_RATIO -> Integer.toString(TickMath.getTickAtSqrtRatio(limbs[0]));
            case AMOUNT0_DELTA_UP, AMOUNT0_DELTA_DOWN -> {
                SqrtPriceMath.getAmount0Delta(limbs[0], limbs[1], limbs[2], c.function() == Function.AMOUNT0_DELTA_UP,
                        out);
                yield Uint256.toBigInteger(out).toString();
            }
            case AMOUNT1_DELTA_UP, AMOUNT1_DELTA_DOWN -> {
                SqrtPriceMath.getAmount1Delta(limbs[0], limbs[1], limbs[2], c.function() == Function.AMOUNT1_DELTA_UP,
                        out);
                yield Uint256.toBigInteger(out).toString();
            }
            case AMOUNTS_FOR_LIQUIDITY -> {
                LiquidityAmounts.getAmountsForLiquidity(limbs[0], limbs[1], limbs[2], limbs[3], out, out2);
                yield Uint256.toBigInteger(out) + " " + Uint256.toBigInteger(out2);
            }
            case LIQUIDITY_FOR_AMOUNTS -> {
                LiquidityAmounts.getLiquidityForAmounts(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], out);
                yield Uint256.toBigInteger(out).toString();
            }
        });
    }

    /** The value, or "throws" and the SDK's message for the contract check that failed (or the reason, if none). */
    private static String outcome(Supplier<String> call) {
        try {
            return call.get();
        } catch (AmmMathException e) {
            return "throws " + SDK_MESSAGE.getOrDefault(e.reason(), e.reason().name());
        }
    }

    private static Case line(String function, Object... arguments) {
        return Case.parse(function + " " + Arrays.stream(arguments).map(String::valueOf)
                .collect(Collectors.joining(" ")));
    }
}
