package io.tideline.analytics.backtest;

import io.tideline.amm.FullMath;
import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.PositionFees;
import io.tideline.amm.SqrtPriceMath;
import io.tideline.amm.SwapMath;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Uniswap v3 pool simulated to the wei: v3-core's swap loop (one {@link SwapMath} step per initialized tick or
 * tick-bitmap word, fee growth globals in Q128 per step, ticks crossed with their outside growth flipped), mints and
 * burns with the pool's rounding, and positions kept as the NonfungiblePositionManager keeps them (each its own
 * liquidity, fee growth inside at its last update and tokens owed). No protocol fee (the deployments' default).
 * Mutable, single-threaded: one per backtest run.
 */
public final class ExactPool {

    private static final BigInteger Q128 = BigInteger.ONE.shiftLeft(128);
    private static final BigInteger MASK256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    private static final BigInteger MASK128 = Q128.subtract(BigInteger.ONE);

    /** The state of a pool to start from, as its contract reports it ({@code slot0}, {@code liquidity}, ...). */
    public record State(int feePips, int tickSpacing, BigInteger sqrtPriceX96, int tick, BigInteger liquidity,
                        BigInteger feeGrowthGlobal0X128, BigInteger feeGrowthGlobal1X128,
                        List<InitializedTick> ticks) {

        public State {
            ticks = List.copyOf(ticks);
        }
    }

    /** An initialized tick ({@code ticks(t)}): liquidity referencing it, net liquidity crossed upward, outside growth. */
    public record InitializedTick(int tick, BigInteger liquidityGross, BigInteger liquidityNet,
                                  BigInteger feeGrowthOutside0X128, BigInteger feeGrowthOutside1X128) {
    }

    /** A swap as the pool's Swap event reports it: signed token deltas and the state after. */
    public record Executed(BigInteger amount0, BigInteger amount1, BigInteger sqrtPriceX96, BigInteger liquidity,
                           int tick) {
    }

    /** A mint: the position's id and liquidity, and what the pool took (rounded up). */
    public record Minted(int positionId, BigInteger liquidity, BigInteger amount0, BigInteger amount1) {
    }

    private static final class Tick {
        BigInteger gross = BigInteger.ZERO;
        BigInteger net = BigInteger.ZERO;
        BigInteger outside0 = BigInteger.ZERO;
        BigInteger outside1 = BigInteger.ZERO;
    }

    private static final class Position {
        final int lower;
        final int upper;
        BigInteger liquidity = BigInteger.ZERO;
        BigInteger insideLast0 = BigInteger.ZERO;
        BigInteger insideLast1 = BigInteger.ZERO;
        BigInteger owed0 = BigInteger.ZERO;
        BigInteger owed1 = BigInteger.ZERO;

        Position(int lower, int upper) {
            this.lower = lower;
            this.upper = upper;
        }
    }

    private final int feePips;
    private final int spacing;
    private BigInteger sqrtPriceX96;
    private int tick;
    private BigInteger liquidity;
    private BigInteger feeGrowthGlobal0;
    private BigInteger feeGrowthGlobal1;
    private final TreeMap<Integer, Tick> ticks = new TreeMap<>();
    private final List<Position> positions = new ArrayList<>();

    public ExactPool(State state) {
        this.feePips = state.feePips();
        this.spacing = state.tickSpacing();
        this.sqrtPriceX96 = state.sqrtPriceX96();
        this.tick = state.tick();
        this.liquidity = state.liquidity();
        this.feeGrowthGlobal0 = state.feeGrowthGlobal0X128();
        this.feeGrowthGlobal1 = state.feeGrowthGlobal1X128();
        for (InitializedTick t : state.ticks()) {
            Tick info = new Tick();
            info.gross = t.liquidityGross();
            info.net = t.liquidityNet();
            info.outside0 = t.feeGrowthOutside0X128();
            info.outside1 = t.feeGrowthOutside1X128();
            ticks.put(t.tick(), info);
        }
    }

    public BigInteger sqrtPriceX96() {
        return sqrtPriceX96;
    }

    public int tick() {
        return tick;
    }

    public int tickSpacing() {
        return spacing;
    }

    public BigInteger liquidity() {
        return liquidity;
    }

    public BigInteger feeGrowthGlobal0X128() {
        return feeGrowthGlobal0;
    }

    public BigInteger feeGrowthGlobal1X128() {
        return feeGrowthGlobal1;
    }

    /**
     * A new position funded with at most the desired amounts, as the position manager's {@code mint} does: liquidity
     * = {@link LiquidityAmounts#getLiquidityForAmounts} (rounded down), the pool takes amounts rounded up.
     */
    public Minted mint(int tickLower, int tickUpper, BigInteger amount0Desired, BigInteger amount1Desired) {
        checkTicks(tickLower, tickUpper);
        BigInteger l = LiquidityAmounts.getLiquidityForAmounts(sqrtPriceX96, TickMath.getSqrtRatioAtTick(tickLower),
                TickMath.getSqrtRatioAtTick(tickUpper), amount0Desired, amount1Desired);
        if (l.signum() == 0) {
            throw new IllegalArgumentException("the desired amounts buy no liquidity in [" + tickLower + ", "
                    + tickUpper + ")");
        }
        Position p = new Position(tickLower, tickUpper);
        positions.add(p);
        TokenAmounts paid = modify(p, l);
        return new Minted(positions.size() - 1, l, paid.amount0(), paid.amount1());
    }

    /** Removes liquidity from a position: what it credits (rounded down) becomes owed to it, as on chain. */
    public TokenAmounts decreaseLiquidity(int positionId, BigInteger amount) {
        Position p = positions.get(positionId);
        if (amount.compareTo(p.liquidity) > 0) {
            throw new IllegalArgumentException("position " + positionId + " holds " + p.liquidity + ", not " + amount);
        }
        TokenAmounts credited = modify(p, amount.negate());
        p.owed0 = p.owed0.add(credited.amount0()).and(MASK128);
        p.owed1 = p.owed1.add(credited.amount1()).and(MASK128);
        return credited;
    }

    /** Pays out and clears all a position is owed (removed principal and fees), its fees brought up to date first. */
    public TokenAmounts collect(int positionId) {
        Position p = positions.get(positionId);
        poke(p);
        TokenAmounts all = new TokenAmounts(p.owed0, p.owed1);
        p.owed0 = BigInteger.ZERO;
        p.owed1 = BigInteger.ZERO;
        return all;
    }

    /** What {@link #collect} would pay now, without changing anything (the static {@code collect}). */
    public TokenAmounts owed(int positionId) {
        Position p = positions.get(positionId);
        BigInteger[] inside = feeGrowthInside(p.lower, p.upper);
        return new TokenAmounts(
                p.owed0.add(PositionFees.getTokensOwed(inside[0], p.insideLast0, p.liquidity)).and(MASK128),
                p.owed1.add(PositionFees.getTokensOwed(inside[1], p.insideLast1, p.liquidity)).and(MASK128));
    }

    /** What removing the position's liquidity now would credit (rounded down), without changing anything. */
    public TokenAmounts amountsIfRemoved(int positionId) {
        Position p = positions.get(positionId);
        return amounts(p.lower, p.upper, p.liquidity.negate());
    }

    public BigInteger liquidityOf(int positionId) {
        return positions.get(positionId).liquidity;
    }

    /**
     * Sells exactly {@code amountIn} (fee included) of token0 ({@code zeroForOne}) or token1, down or up to the
     * price limit; null: v3-periphery's router default (MIN_SQRT_RATIO + 1 or MAX_SQRT_RATIO − 1).
     */
    public Executed swapExactInput(boolean zeroForOne, BigInteger amountIn, BigInteger sqrtPriceLimitX96) {
        if (amountIn.signum() <= 0) {
            throw new IllegalArgumentException("amountIn must be above 0, was " + amountIn);
        }
        BigInteger limit = sqrtPriceLimitX96 != null ? sqrtPriceLimitX96 : zeroForOne
                ? TickMath.MIN_SQRT_RATIO.add(BigInteger.ONE) : TickMath.MAX_SQRT_RATIO.subtract(BigInteger.ONE);
        if (zeroForOne ? limit.compareTo(sqrtPriceX96) >= 0 || limit.compareTo(TickMath.MIN_SQRT_RATIO) <= 0
                : limit.compareTo(sqrtPriceX96) <= 0 || limit.compareTo(TickMath.MAX_SQRT_RATIO) >= 0) {
            throw new IllegalArgumentException("SPL: price limit " + limit + " is on the wrong side of " + sqrtPriceX96);
        }
        BigInteger remaining = amountIn;
        BigInteger calculated = BigInteger.ZERO;
        BigInteger growth = zeroForOne ? feeGrowthGlobal0 : feeGrowthGlobal1;
        while (remaining.signum() != 0 && !sqrtPriceX96.equals(limit)) {
            BigInteger start = sqrtPriceX96;
            int[] next = nextInitializedTickWithinOneWord(tick, zeroForOne);
            int tickNext = Math.max(TickMath.MIN_TICK, Math.min(TickMath.MAX_TICK, next[0]));
            boolean initialized = next[1] == 1;
            BigInteger sqrtNext = TickMath.getSqrtRatioAtTick(tickNext);
            BigInteger target = (zeroForOne ? sqrtNext.compareTo(limit) < 0 : sqrtNext.compareTo(limit) > 0)
                    ? limit : sqrtNext;
            SwapMath.Step step = SwapMath.computeSwapStepExactIn(sqrtPriceX96, target, liquidity, remaining, feePips);
            sqrtPriceX96 = step.sqrtRatioNextX96();
            remaining = remaining.subtract(step.amountIn().add(step.feeAmount()));
            calculated = calculated.subtract(step.amountOut());
            if (liquidity.signum() > 0) {
                growth = growth.add(FullMath.mulDiv(step.feeAmount(), Q128, liquidity)).and(MASK256);
            }
            if (sqrtPriceX96.equals(sqrtNext)) {
                if (initialized) {
                    Tick t = ticks.get(tickNext);
                    t.outside0 = (zeroForOne ? growth : feeGrowthGlobal0).subtract(t.outside0).and(MASK256);
                    t.outside1 = (zeroForOne ? feeGrowthGlobal1 : growth).subtract(t.outside1).and(MASK256);
                    BigInteger net = zeroForOne ? t.net.negate() : t.net;
                    liquidity = liquidity.add(net);
                    if (liquidity.signum() < 0) {
                        throw new IllegalStateException("LS: liquidity below 0 crossing tick " + tickNext);
                    }
                }
                tick = zeroForOne ? tickNext - 1 : tickNext;
            } else if (!sqrtPriceX96.equals(start)) {
                tick = TickMath.getTickAtSqrtRatio(sqrtPriceX96);
            }
        }
        if (zeroForOne) {
            feeGrowthGlobal0 = growth;
        } else {
            feeGrowthGlobal1 = growth;
        }
        BigInteger in = amountIn.subtract(remaining);
        return zeroForOne ? new Executed(in, calculated, sqrtPriceX96, liquidity, tick)
                : new Executed(calculated, in, sqrtPriceX96, liquidity, tick);
    }

    /** v3-core's {@code TickBitmap.nextInitializedTickWithinOneWord} over the initialized ticks: {tick, initialized}. */
    private int[] nextInitializedTickWithinOneWord(int current, boolean lte) {
        int compressed = Math.floorDiv(current, spacing);
        if (lte) {
            int bitPos = Math.floorMod(compressed, 256);
            int lowest = (compressed - bitPos) * spacing;
            Integer found = ticks.floorKey(compressed * spacing);
            return found != null && found >= lowest ? new int[] {found, 1} : new int[] {lowest, 0};
        }
        int bitPos = Math.floorMod(compressed + 1, 256);
        int highest = (compressed + 1 + (255 - bitPos)) * spacing;
        Integer found = ticks.ceilingKey((compressed + 1) * spacing);
        return found != null && found <= highest ? new int[] {found, 1} : new int[] {highest, 0};
    }

    private TokenAmounts modify(Position p, BigInteger delta) {
        if (delta.signum() != 0) {
            updateTick(p.lower, delta, false);
            updateTick(p.upper, delta, true);
        }
        poke(p);
        p.liquidity = p.liquidity.add(delta);
        TokenAmounts amounts = amounts(p.lower, p.upper, delta);
        if (tick >= p.lower && tick < p.upper) {
            liquidity = liquidity.add(delta);
        }
        if (delta.signum() < 0) {
            clearIfUnused(p.lower);
            clearIfUnused(p.upper);
        }
        return amounts;
    }

    /** The position's fees brought up to its range's fee growth now (v3-core's {@code Position.update}). */
    private void poke(Position p) {
        BigInteger[] inside = feeGrowthInside(p.lower, p.upper);
        p.owed0 = p.owed0.add(PositionFees.getTokensOwed(inside[0], p.insideLast0, p.liquidity)).and(MASK128);
        p.owed1 = p.owed1.add(PositionFees.getTokensOwed(inside[1], p.insideLast1, p.liquidity)).and(MASK128);
        p.insideLast0 = inside[0];
        p.insideLast1 = inside[1];
    }

    private void updateTick(int t, BigInteger delta, boolean upper) {
        Tick info = ticks.get(t);
        if (info == null) {
            info = new Tick();
            // By convention all growth before a tick is initialized happened below it.
            if (t <= tick) {
                info.outside0 = feeGrowthGlobal0;
                info.outside1 = feeGrowthGlobal1;
            }
            ticks.put(t, info);
        }
        info.gross = info.gross.add(delta);
        info.net = upper ? info.net.subtract(delta) : info.net.add(delta);
    }

    private void clearIfUnused(int t) {
        Tick info = ticks.get(t);
        if (info != null && info.gross.signum() == 0) {
            ticks.remove(t);
        }
    }

    private BigInteger[] feeGrowthInside(int lower, int upper) {
        Tick lo = ticks.getOrDefault(lower, new Tick());
        Tick up = ticks.getOrDefault(upper, new Tick());
        return new BigInteger[] {
                PositionFees.getFeeGrowthInside(lower, upper, tick, feeGrowthGlobal0, lo.outside0, up.outside0),
                PositionFees.getFeeGrowthInside(lower, upper, tick, feeGrowthGlobal1, lo.outside1, up.outside1)};
    }

    /** Amounts for a liquidity change at the current price: owed to the pool rounded up (mint), paid down (burn). */
    private TokenAmounts amounts(int lower, int upper, BigInteger delta) {
        BigInteger a = TickMath.getSqrtRatioAtTick(lower);
        BigInteger b = TickMath.getSqrtRatioAtTick(upper);
        BigInteger amount0 = BigInteger.ZERO;
        BigInteger amount1 = BigInteger.ZERO;
        if (tick < lower) {
            amount0 = SqrtPriceMath.getAmount0Delta(a, b, delta);
        } else if (tick < upper) {
            amount0 = SqrtPriceMath.getAmount0Delta(sqrtPriceX96, b, delta);
            amount1 = SqrtPriceMath.getAmount1Delta(a, sqrtPriceX96, delta);
        } else {
            amount1 = SqrtPriceMath.getAmount1Delta(a, b, delta);
        }
        return new TokenAmounts(amount0.abs(), amount1.abs());
    }

    private void checkTicks(int lower, int upper) {
        if (lower >= upper || lower < TickMath.MIN_TICK || upper > TickMath.MAX_TICK
                || lower % spacing != 0 || upper % spacing != 0) {
            throw new IllegalArgumentException("ticks [" + lower + ", " + upper + ") are not a range on spacing "
                    + spacing);
        }
    }

    /** The initialized ticks now (for tests and diagnostics). */
    public Map<Integer, BigInteger> liquidityNets() {
        TreeMap<Integer, BigInteger> out = new TreeMap<>();
        ticks.forEach((t, info) -> out.put(t, info.net));
        return out;
    }
}
