package io.tideline.analytics.backtest;

import io.tideline.amm.TokenAmounts;
import io.tideline.amm.Uint256;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.PoolSeries;
import io.tideline.analytics.risk.ReturnPeriod;
import io.tideline.analytics.risk.RiskCalculator;
import io.tideline.analytics.risk.RiskConventions;
import io.tideline.analytics.risk.ValuePoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs a {@link Strategy} over a pool's history, causally: the series is walked one step (bar or swap) at a time and
 * every decision at a step reads only what the venue has shown up to that step (its price, the position's amounts and
 * fees, the {@link TickHistory} of closes) — nothing later is reachable from where the decisions are made. Pure.
 *
 * <p>At the first step all capital (token1) is split at the price into the range's ratio, paying slippage on the
 * token0 bought, and minted. At each later step: the hedge is marked (price P&amp;L, funding), then a due rebalance
 * closes the position (fees collected), re-splits everything and opens a new one, or else a drifted hedge is re-sized.
 * Token values are {@code amount0 · sqrtP² / 2^192} in raw token1, rounded down.
 *
 * <p>Per step, where the venue lays its figures out as longs ({@link Venue#position}) and they fit, the hedge's mark,
 * its funding, the drift test and the equity point are taken on longs and limbs ({@link BarMath}), allocating only
 * the point itself; otherwise, or where a step does not fit, with BigIntegers. Both give the same integers.
 */
public final class Backtester {

    private static final BigInteger PIPS = BigInteger.valueOf(1_000_000);
    private static final BigInteger DAY = BigInteger.valueOf(86_400);
    private static final BigInteger UNIT_LIQUIDITY = BigInteger.ONE.shiftLeft(96);

    private Backtester() {
    }

    /** A strategy over bars (fees by liquidity share; see {@link BarVenue}). */
    public static BacktestResult run(Strategy strategy, PoolSeries series) {
        return run(strategy, series, i -> { });
    }

    /** As {@link #run(Strategy, PoolSeries)}, telling {@code progress} each step done (0-based). */
    public static BacktestResult run(Strategy strategy, PoolSeries series, IntConsumer progress) {
        if (series.bars().isEmpty()) {
            throw new IllegalArgumentException("the series has no bars");
        }
        return run(strategy, BarTape.of(series), progress);
    }

    /** A strategy over bars laid out once ({@link BarTape#of}): what a grid of strategies over one series shares. */
    public static BacktestResult run(Strategy strategy, BarTape tape) {
        return run(strategy, tape, i -> { });
    }

    /** As {@link #run(Strategy, BarTape)}, telling {@code progress} each step done (0-based). */
    public static BacktestResult run(Strategy strategy, BarTape tape, IntConsumer progress) {
        if (strategy.feePips() != tape.feePips()) {
            throw new IllegalArgumentException("the strategy's fee tier " + strategy.feePips()
                    + " is not the series' " + tape.feePips());
        }
        ReturnPeriod period = tape.interval() == BarInterval.D1 ? ReturnPeriod.DAILY : ReturnPeriod.HOURLY;
        BarVenue venue = new BarVenue(tape, strategy.feePips());
        return new Run(strategy, venue, tape.decimals1(), period, progress)
                .execute(tape.end(0), tape.bar(0).closeTick());
    }

    /**
     * A strategy replayed swap by swap in an exact pool starting from {@code pool}: fees and amounts as the contracts
     * would pay them. The returned replay holds the result and the pool as it ends.
     */
    public static SwapReplay run(Strategy strategy, ExactPool.State pool, Instant start, List<SwapOrder> swaps,
                                 int decimals1) {
        if (strategy.feePips() != pool.feePips()) {
            throw new IllegalArgumentException("the strategy's fee tier " + strategy.feePips() + " is not the pool's "
                    + pool.feePips());
        }
        SwapVenue venue = new SwapVenue(new ExactPool(pool), start, swaps);
        BacktestResult result = new Run(strategy, venue, decimals1, ReturnPeriod.HOURLY, i -> { })
                .execute(start, pool.tick());
        return new SwapReplay(result, venue.pool(), venue.positionId(), venue.executed(), venue.desired());
    }

    /**
     * A swap replay's result with the pool it leaves, the open position's id in it (−1: none), the swaps as executed
     * and the desired amounts of each mint.
     */
    public record SwapReplay(BacktestResult result, ExactPool pool, int positionId,
                             List<ExactPool.Executed> executed, List<TokenAmounts> desired) {
    }

    /** One run's mutable state; never shared. */
    private static final class Run {
        private final Strategy strategy;
        private final Venue venue;
        private final int decimals1;
        private final ReturnPeriod period;
        private final IntConsumer progress;
        private final TickHistory history;
        private final List<Action> actions = new ArrayList<>();
        private final List<ValuePoint> equity;
        private final BigInteger slipPips;
        private final BigInteger[] hedgeBand;
        private final BigInteger[] perpFee;
        private final BigInteger[] fundingPerDay;

        private BigInteger cash0 = BigInteger.ZERO;
        private BigInteger cash1;
        private BigInteger hedge = BigInteger.ZERO;
        private final ExactSum hedgePricePnl = new ExactSum();
        private final ExactSum funding = new ExactSum();
        private BigInteger perpFees = BigInteger.ZERO;
        private BigInteger gas = BigInteger.ZERO;
        private BigInteger slippage = BigInteger.ZERO;
        private BigInteger collected0 = BigInteger.ZERO;
        private BigInteger collected1 = BigInteger.ZERO;
        private BigInteger collectedValue = BigInteger.ZERO;
        private BigInteger ilRealized = BigInteger.ZERO;
        private BigInteger paid0 = BigInteger.ZERO;
        private BigInteger paid1 = BigInteger.ZERO;
        private Range range;
        private Instant openedAt;
        private Instant outOfRangeSince;
        private int rebalances;
        private BigInteger priceSq;
        private long fundingSeconds = -1;
        private BigInteger fundingTimesSeconds;
        private BigInteger fundingDen;
        private long fundingTimesSecondsLong;
        private long fundingDenLong;
        private boolean fundingOnLongs;
        // The per-step path on longs: the rarely changing figures as longs (refreshed after each action), where
        // they fit, and scratch limbs.
        private final long[] position = new long[5];
        private final long[] cash0Long = new long[2];
        private final long[] hedgeLong = new long[2];
        private boolean cash0Fits;
        private boolean hedgeFits;
        private long cash1Long;
        private long perpFeesLong;
        private boolean money1Fits;
        private final long bandNum;
        private final long bandDen;
        private final long[] difference = new long[4];
        private final long[] product = new long[BarMath.SCRATCH];

        Run(Strategy strategy, Venue venue, int decimals1, ReturnPeriod period, IntConsumer progress) {
            this.strategy = strategy;
            this.venue = venue;
            this.decimals1 = decimals1;
            this.period = period;
            this.progress = progress;
            this.history = new TickHistory(venue.steps() + 1);
            this.equity = new ArrayList<>(venue.steps() + 1);
            this.cash1 = strategy.capital();
            this.slipPips = BigInteger.valueOf(strategy.costs().slippagePips());
            if (strategy.hedge() instanceof HedgeRule.DeltaNeutralPerp perp) {
                hedgeBand = rational(perp.band());
                perpFee = rational(perp.feeRate());
                fundingPerDay = rational(perp.fundingRatePerDay());
            } else {
                hedgeBand = null;
                perpFee = null;
                fundingPerDay = null;
            }
            boolean bandFits = hedgeBand != null && hedgeBand[0].bitLength() < 64 && hedgeBand[1].bitLength() < 64;
            bandNum = bandFits ? hedgeBand[0].longValue() : -1;
            bandDen = bandFits ? hedgeBand[1].longValue() : -1;
            refresh();
        }

        /** The longs of the per-step path, after an action changed the figures they mirror. */
        private void refresh() {
            cash0Fits = BarMath.toUnsigned128(cash0, cash0Long, 0);
            hedgeFits = BarMath.toUnsigned128(hedge, hedgeLong, 0);
            money1Fits = cash1.bitLength() < 64 && perpFees.bitLength() < 64;
            cash1Long = cash1.longValue();
            perpFeesLong = perpFees.longValue();
        }

        BacktestResult execute(Instant start, int startTick) {
            priceSq = venue.priceSquared();
            history.append(startTick);
            int openStep = venue.seriesIndex(-1);
            open(openStep, start, venue.tick());
            equity.add(point(start, venue.amounts(), venue.fees()));
            Instant previous = start;
            long[] sqLimbs = venue.priceSquaredLimbs();
            for (int i = 0; i < venue.steps(); i++) {
                long[] previousSqLimbs = sqLimbs;
                // as a BigInteger only where there are no limbs to make it from (read before the price moves)
                BigInteger previousSq = previousSqLimbs == null ? priceSq() : null;
                venue.advance(i);
                int step = venue.seriesIndex(i);
                Instant now = venue.time();
                int tick = venue.tick();
                sqLimbs = venue.priceSquaredLimbs();
                priceSq = sqLimbs == null ? venue.priceSquared() : null; // else made from the limbs if asked
                markHedge(previousSq, previousSqLimbs, sqLimbs, previous, now);
                history.append(tick);
                outOfRangeSince = range.contains(tick) ? null : outOfRangeSince == null ? now : outOfRangeSince;
                if (strategy.rebalance().due(range, tick, now, outOfRangeSince, openedAt)) {
                    close(step, now);
                    open(step, now, tick);
                    rebalances++;
                }
                boolean onLongs = venue.position(position);
                TokenAmounts amounts = onLongs ? null : venue.amounts();
                if (hedgeBand != null && !actionAt(step)) {
                    if (onLongs && hedgeFits && bandNum >= 0) {
                        // |delta − hedge| > band · delta, in integers: drift · den > num · delta
                        long dh = position[0];
                        long dl = position[1];
                        long hh = hedgeLong[0];
                        long hl = hedgeLong[1];
                        boolean below = Long.compareUnsigned(dh, hh) < 0
                                || (dh == hh && Long.compareUnsigned(dl, hl) < 0);
                        long driftLow = below ? hl - dl : dl - hl;
                        long driftHigh = below ? hh - dh - (Long.compareUnsigned(hl, dl) < 0 ? 1 : 0)
                                : dh - hh - (Long.compareUnsigned(dl, hl) < 0 ? 1 : 0);
                        if ((driftHigh | driftLow) != 0
                                && BarMath.productGreater(driftHigh, driftLow, bandDen, dh, dl, bandNum)) {
                            rehedge(step, now, BarMath.toBigInteger(dh, dl));
                        }
                    } else {
                        BigInteger delta = (amounts != null ? amounts : venue.amounts()).amount0();
                        BigInteger drift = delta.subtract(hedge).abs();
                        if (drift.signum() > 0
                                && drift.multiply(hedgeBand[1]).compareTo(hedgeBand[0].multiply(delta)) > 0) {
                            rehedge(step, now, delta);
                        }
                    }
                }
                ValuePoint point = onLongs ? pointOnLongs(now, sqLimbs) : null;
                equity.add(point != null ? point
                        : point(now, amounts != null ? amounts : venue.amounts(), venue.fees()));
                previous = now;
                progress.accept(i);
            }
            return result();
        }

        /** Whether the position was just opened at this step (the hedge was re-sized with it). */
        private boolean actionAt(int step) {
            return !actions.isEmpty() && actions.get(actions.size() - 1).step() == step;
        }

        private void open(int step, Instant now, int tick) {
            range = strategy.range().place(tick, history, venue.tickSpacing());
            openedAt = now;
            outOfRangeSince = null;
            charge(strategy.costs().gasPerAction());
            // The range's token ratio at this price, from a unit of liquidity.
            Venue.Opened unit = unitAmounts();
            BigInteger unitValue = value0(unit.amount0()).add(unit.amount1());
            BigInteger wealth = value0(cash0).add(cash1);
            BigInteger budget = wealth.multiply(PIPS.subtract(slipPips)).divide(PIPS);
            BigInteger target0 = unit.amount0().multiply(budget).divide(unitValue);
            BigInteger target1 = unit.amount1().multiply(budget).divide(unitValue);
            BigInteger swap0 = target0.subtract(cash0);
            BigInteger swapValue = value0(swap0.abs());
            BigInteger slip = ceilDiv(swapValue.multiply(slipPips), PIPS);
            slippage = slippage.add(slip);
            cash1 = swap0.signum() >= 0 ? cash1.subtract(swapValue).subtract(slip) : cash1.add(swapValue).subtract(slip);
            cash0 = target0;
            BigInteger desired1 = target1.min(cash1).max(BigInteger.ZERO);
            Venue.Opened opened = venue.open(range, cash0, desired1);
            cash0 = cash0.subtract(opened.amount0());
            cash1 = cash1.subtract(opened.amount1());
            paid0 = opened.amount0();
            paid1 = opened.amount1();
            actions.add(new Action(step, now, Action.Kind.OPEN, range, opened.liquidity(), opened.amount0(),
                    opened.amount1(), hedge, strategy.costs().gasPerAction().add(slip)));
            refresh();
            if (hedgeBand != null) {
                rehedge(step, now, opened.amount0());
            }
        }

        private Venue.Opened unitAmounts() {
            BigInteger a = io.tideline.amm.TickMath.getSqrtRatioAtTick(range.lower());
            BigInteger b = io.tideline.amm.TickMath.getSqrtRatioAtTick(range.upper());
            TokenAmounts u = io.tideline.amm.LiquidityAmounts.getAmountsForLiquidity(venue.sqrtPriceX96(), a, b,
                    UNIT_LIQUIDITY);
            return new Venue.Opened(UNIT_LIQUIDITY, u.amount0(), u.amount1());
        }

        private void close(int step, Instant now) {
            Venue.Closed closed = venue.close();
            TokenAmounts p = closed.principal();
            TokenAmounts f = closed.fees();
            cash0 = cash0.add(p.amount0()).add(f.amount0());
            cash1 = cash1.add(p.amount1()).add(f.amount1());
            collected0 = collected0.add(f.amount0());
            collected1 = collected1.add(f.amount1());
            collectedValue = collectedValue.add(value0(f.amount0())).add(f.amount1());
            ilRealized = ilRealized.add(il(p));
            charge(strategy.costs().gasPerAction());
            actions.add(new Action(step, now, Action.Kind.CLOSE, range, BigInteger.ZERO, p.amount0(), p.amount1(),
                    hedge, strategy.costs().gasPerAction()));
            refresh();
        }

        private void rehedge(int step, Instant now, BigInteger target) {
            BigInteger trade = target.subtract(hedge).abs();
            if (trade.signum() == 0) {
                return;
            }
            BigInteger fee = ceilDiv(value0(trade).multiply(perpFee[0]), perpFee[1]);
            perpFees = perpFees.add(fee);
            hedge = target;
            actions.add(new Action(step, now, Action.Kind.HEDGE, range, null, null, null, hedge, fee));
            refresh();
        }

        /**
         * The short's P&amp;L from the last price to this one, and the funding over the time between; on limbs where
         * the venue lays the squared prices out and the hedge fits 128 bits.
         */
        private void markHedge(BigInteger previousSq, long[] previousSqLimbs, long[] sqLimbs, Instant previous,
                               Instant now) {
            if (hedge.signum() == 0) {
                return;
            }
            boolean onLimbs = hedgeFits && previousSqLimbs != null && sqLimbs != null;
            if (onLimbs && previousSqLimbs == sqLimbs) {
                // the same price: no move (the tape shares a repeated close's limbs)
            } else {
                long move = onLimbs ? BarMath.mulDifferenceShift192(hedgeLong[0], hedgeLong[1], previousSqLimbs,
                        sqLimbs, difference, product) : BarMath.NO_FIT;
                if (move != BarMath.NO_FIT) {
                    hedgePricePnl.add(move);
                } else {
                    BigInteger before = previousSq != null ? previousSq : Uint256.toBigInteger(previousSqLimbs);
                    hedgePricePnl.add(hedge.multiply(before.subtract(priceSq())).shiftRight(192));
                }
            }
            long seconds = now.getEpochSecond() - previous.getEpochSecond();
            if (seconds > 0 && fundingPerDay[0].signum() != 0) {
                if (seconds != fundingSeconds) {
                    fundingSeconds = seconds;
                    fundingTimesSeconds = fundingPerDay[0].multiply(BigInteger.valueOf(seconds));
                    fundingDen = fundingPerDay[1].multiply(DAY);
                    fundingOnLongs = fundingTimesSeconds.bitLength() < 64 && fundingDen.bitLength() < 64;
                    fundingTimesSecondsLong = fundingTimesSeconds.longValue();
                    fundingDenLong = fundingDen.longValue();
                }
                if (!onLimbs || !fundingOnLongs || !fundingOnLongs(sqLimbs)) {
                    BigInteger num = value0(hedge).multiply(fundingTimesSeconds);
                    funding.add(floorDiv(num, fundingDen));
                }
            }
        }

        /** This step's funding on longs, added if it fits; false (nothing added) otherwise. */
        private boolean fundingOnLongs(long[] sqLimbs) {
            long value = BarMath.mulShift192(hedgeLong[0], hedgeLong[1], sqLimbs, product);
            if (value == BarMath.NO_FIT) {
                return false;
            }
            long num = value * fundingTimesSecondsLong;
            if (Math.multiplyHigh(value, fundingTimesSecondsLong) != (num >> 63)) {
                return false;
            }
            funding.add(Math.floorDiv(num, fundingDenLong));
            return true;
        }

        private void charge(BigInteger cost) {
            cash1 = cash1.subtract(cost);
            gas = gas.add(cost);
        }

        /** value(amounts) − value(what was put in), both at the price now. */
        private BigInteger il(TokenAmounts amounts) {
            return value0(amounts.amount0()).add(amounts.amount1()).subtract(value0(paid0).add(paid1));
        }

        private ValuePoint point(Instant at, TokenAmounts amounts, TokenAmounts fees) {
            BigInteger lp = value0(cash0.add(amounts.amount0()).add(fees.amount0()))
                    .add(cash1).add(amounts.amount1()).add(fees.amount1());
            return new ValuePoint(at, new BigDecimal(lp.add(hedgeAccount()), decimals1));
        }

        /**
         * {@link #point} from the venue's longs ({@link #position}); null when a figure or a sum does not fit, and
         * the caller takes the BigInteger one.
         */
        private ValuePoint pointOnLongs(Instant at, long[] sqLimbs) {
            if (sqLimbs == null || !cash0Fits || !money1Fits || !hedgePricePnl.isSmall() || !funding.isSmall()
                    || position[3] < 0) {
                return null;
            }
            // token0: cash0 + amount0 + fees0, 128 bits unsigned
            long low = cash0Long[1] + position[1];
            long carry = Long.compareUnsigned(low, position[1]) < 0 ? 1 : 0;
            long high = cash0Long[0] + position[0];
            boolean overflow = Long.compareUnsigned(high, position[0]) < 0;
            long high2 = high + carry;
            overflow |= Long.compareUnsigned(high2, high) < 0;
            long low2 = low + position[3];
            carry = Long.compareUnsigned(low2, low) < 0 ? 1 : 0;
            long high3 = high2 + carry;
            overflow |= Long.compareUnsigned(high3, high2) < 0;
            if (overflow) {
                return null;
            }
            long lp = BarMath.mulShift192(high3, low2, sqLimbs, product);
            if (lp == BarMath.NO_FIT) {
                return null;
            }
            lp = BarMath.add(lp, cash1Long);
            lp = BarMath.add(lp, position[2]);
            lp = BarMath.add(lp, position[4]);
            lp = BarMath.add(lp, hedgePricePnl.small());
            lp = BarMath.add(lp, funding.small());
            lp = BarMath.add(lp, -perpFeesLong); // perp fees are not negative: the negation fits
            return lp == BarMath.NO_FIT ? null : new ValuePoint(at, BigDecimal.valueOf(lp, decimals1));
        }

        private BigInteger hedgeAccount() {
            return hedgePricePnl.value().add(funding.value()).subtract(perpFees);
        }

        private BacktestResult result() {
            TokenAmounts owed = venue.fees();
            TokenAmounts amounts = venue.amounts();
            BigInteger il = ilRealized.add(il(amounts));
            BigInteger feesValue = collectedValue.add(value0(owed.amount0())).add(owed.amount1());
            RiskCalculator risk = new RiskCalculator(RiskConventions.of(period));
            return new BacktestResult(strategy, venue.steps() + 1, equity, actions,
                    collected0.add(owed.amount0()), collected1.add(owed.amount1()), money(feesValue), money(il),
                    money(hedgeAccount()), money(hedgePricePnl.value()), money(funding.value()), money(perpFees),
                    money(gas),
                    money(slippage), money(strategy.capital()), equity.get(equity.size() - 1).value(), rebalances,
                    risk.metrics(sample(equity, period)));
        }

        private BigDecimal money(BigInteger raw) {
            return new BigDecimal(raw, decimals1);
        }

        /** token0 → raw token1 at the price now, rounded toward −∞. */
        private BigInteger value0(BigInteger amount0) {
            return amount0.multiply(priceSq()).shiftRight(192);
        }

        /** The squared price now, asked of the venue once per step, when a BigInteger step needs it. */
        private BigInteger priceSq() {
            if (priceSq == null) {
                priceSq = venue.priceSquared();
            }
            return priceSq;
        }
    }

    /** The last point of each period (hour or day), the first point kept. */
    public static List<ValuePoint> sample(List<ValuePoint> curve, ReturnPeriod period) {
        long width = period == ReturnPeriod.DAILY ? 86_400 : 3_600;
        List<ValuePoint> out = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            ValuePoint p = curve.get(i);
            boolean lastOfPeriod = i == curve.size() - 1 || Math.floorDiv(curve.get(i + 1).at().getEpochSecond() - 1,
                    width) != Math.floorDiv(p.at().getEpochSecond() - 1, width);
            if (i == 0 || lastOfPeriod) {
                out.add(p);
            }
        }
        return out;
    }

    /** A decimal as an exact fraction {numerator, denominator}. */
    static BigInteger[] rational(BigDecimal d) {
        BigDecimal s = d.scale() < 0 ? d.setScale(0) : d;
        return new BigInteger[] {s.unscaledValue(), BigInteger.TEN.pow(s.scale())};
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }
}
