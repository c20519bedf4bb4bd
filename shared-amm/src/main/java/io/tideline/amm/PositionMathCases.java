package io.tideline.amm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Seeded random inputs for the position math, one text line per case ({@code function arg arg ...}, decimal
 * integers), so that the differential test against the Uniswap SDK and {@code bench/amm-vs-sdk.sh} run the very same
 * cases in Java and in Node. Only cases on which the contracts do not revert are drawn; reverts are tested apart.
 *
 * <p>Ticks are uniform over {@code [MIN_TICK, MAX_TICK]} and sqrt prices are those of such ticks (for
 * {@code getTickAtSqrtRatio}, any integer in range, uniform in bit length); liquidity and amounts are uniform in bit
 * length up to 128 bits.
 */
public final class PositionMathCases {

    /** The functions compared, by the names the case lines use. */
    public enum Function {
        /** {@code getSqrtRatioAtTick tick}. */
        SQRT_RATIO_AT_TICK("getSqrtRatioAtTick"),
        /** {@code getTickAtSqrtRatio sqrtPriceX96}. */
        TICK_AT_SQRT_RATIO("getTickAtSqrtRatio"),
        /** {@code getAmount0DeltaUp sqrtA sqrtB liquidity}. */
        AMOUNT0_DELTA_UP("getAmount0DeltaUp"),
        /** {@code getAmount0DeltaDown sqrtA sqrtB liquidity}. */
        AMOUNT0_DELTA_DOWN("getAmount0DeltaDown"),
        /** {@code getAmount1DeltaUp sqrtA sqrtB liquidity}. */
        AMOUNT1_DELTA_UP("getAmount1DeltaUp"),
        /** {@code getAmount1DeltaDown sqrtA sqrtB liquidity}. */
        AMOUNT1_DELTA_DOWN("getAmount1DeltaDown"),
        /** {@code getAmountsForLiquidity sqrtPrice sqrtA sqrtB liquidity}: two results, amount0 and amount1. */
        AMOUNTS_FOR_LIQUIDITY("getAmountsForLiquidity"),
        /** {@code getLiquidityForAmounts sqrtPrice sqrtA sqrtB amount0 amount1}. */
        LIQUIDITY_FOR_AMOUNTS("getLiquidityForAmounts");

        private final String lineName;

        Function(String lineName) {
            this.lineName = lineName;
        }

        /** The name a case line starts with. */
        public String lineName() {
            return lineName;
        }

        /** The function a case line names. */
        public static Function ofLineName(String name) {
            for (Function function : values()) {
                if (function.lineName.equals(name)) {
                    return function;
                }
            }
            throw new IllegalArgumentException("no position-math function named " + name);
        }
    }

    /** One case: the function and its integer arguments. */
    public record Case(Function function, List<BigInteger> arguments) {

        /** The case as a line: the function's name, then the arguments in decimal, separated by spaces. */
        public String line() {
            return function.lineName() + " " + arguments.stream().map(BigInteger::toString).collect(Collectors.joining(" "));
        }

        /** A case from {@link #line()}. */
        public static Case parse(String line) {
            String[] fields = line.trim().split(" ");
            List<BigInteger> arguments = new ArrayList<>();
            for (int i = 1; i < fields.length; i++) {
                arguments.add(new BigInteger(fields[i]));
            }
            return new Case(Function.ofLineName(fields[0]), List.copyOf(arguments));
        }
    }

    private PositionMathCases() {
    }

    /** {@code perFunction} cases of each function, drawn from {@code seed}: the same seed gives the same cases. */
    public static List<Case> generate(long seed, int perFunction) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Case> cases = new ArrayList<>();
        for (Function function : Function.values()) {
            for (int i = 0; i < perFunction; i++) {
                cases.add(draw(function, random));
            }
        }
        return cases;
    }

    private static Case draw(Function function, SplittableRandom random) {
        switch (function) {
            case SQRT_RATIO_AT_TICK:
                return new Case(function, List.of(BigInteger.valueOf(tick(random))));
            case TICK_AT_SQRT_RATIO:
                return new Case(function, List.of(priceInRange(random)));
            case AMOUNTS_FOR_LIQUIDITY:
                return new Case(function, List.of(priceAtTick(random), priceAtTick(random), priceAtTick(random),
                        uint(random, 128)));
            case LIQUIDITY_FOR_AMOUNTS:
                while (true) {
                    List<BigInteger> arguments = List.of(priceAtTick(random), priceAtTick(random), priceAtTick(random),
                            uint(random, 128), uint(random, 128));
                    try {
                        LiquidityAmounts.getLiquidityForAmounts(arguments.get(0), arguments.get(1), arguments.get(2),
                                arguments.get(3), arguments.get(4));
                        return new Case(function, arguments);
                    } catch (AmmMathException reverts) {
                        // equal bounds, or more liquidity than a uint128: drawn again
                    }
                }
            default:
                return new Case(function, List.of(priceAtTick(random), priceAtTick(random), uint(random, 128)));
        }
    }

    private static int tick(SplittableRandom random) {
        return random.nextInt(TickMath.MIN_TICK, TickMath.MAX_TICK + 1);
    }

    private static BigInteger priceAtTick(SplittableRandom random) {
        return TickMath.getSqrtRatioAtTick(tick(random));
    }

    private static BigInteger priceInRange(SplittableRandom random) {
        while (true) {
            BigInteger price = uint(random, 160);
            if (price.compareTo(TickMath.MIN_SQRT_RATIO) >= 0 && price.compareTo(TickMath.MAX_SQRT_RATIO) < 0) {
                return price;
            }
        }
    }

    /** Uniform in bit length {@code 1 .. bits}, then uniform among the integers of that length. */
    private static BigInteger uint(SplittableRandom random, int bits) {
        int length = random.nextInt(1, bits + 1);
        BigInteger value = BigInteger.ONE;
        for (int remaining = length - 1; remaining > 0; ) {
            int take = Math.min(62, remaining);
            value = value.shiftLeft(take).or(BigInteger.valueOf(random.nextLong(1L << take)));
            remaining -= take;
        }
        return value;
    }
}
