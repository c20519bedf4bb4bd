package io.tideline.analytics.rebalance;

import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.regime.Regime;
import io.tideline.analytics.regime.RegimeMethod;
import io.tideline.analytics.regime.RegimeReading;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebalancing suggestions for a live LP position from its pool's recorded bars: per {@link RiskLevel} a new range
 * around the current price as wide as that many standard deviations of the price over the horizon, with its expected
 * fee APR, impermanent-loss risk and a confidence. Pure; every formula is in analytics/README.md and its own method.
 * Volatility and IL risk are estimates in {@code double}; volumes, values, liquidity and the APR are exact.
 */
public final class RebalancePlanner {

    /** Hourly bars over 30 days back, a 7-day horizon. */
    public static final int LOOKBACK_BARS = 720;
    public static final int HORIZON_BARS = 168;
    private static final BigInteger Q192 = BigInteger.ONE.shiftLeft(192);
    private static final BigInteger UNIT_LIQUIDITY = BigInteger.ONE.shiftLeft(96);
    private static final BigInteger PIPS = BigInteger.valueOf(1_000_000);
    private static final BigInteger SECONDS_A_YEAR = BigInteger.valueOf(365L * 86_400);
    private static final double LN_TICK = Math.log(1.0001);

    private RebalancePlanner() {
    }

    /**
     * @param bars                      the pool's bars of the lookback, oldest first (regular, hourly)
     * @param walkForwardMeanTestReturn the latest walk-forward suggestion's mean test return for the pool; null: none
     */
    public static RebalancePlan plan(LivePosition position, int tickSpacing, List<Bar> bars,
            BigDecimal walkForwardMeanTestReturn) {
        BigInteger sqrtP = position.sqrtPriceX96();
        int tick = TickMath.getTickAtSqrtRatio(sqrtP);
        int[] closes = bars.stream().mapToInt(Bar::closeTick).toArray();
        Double sigma = sigmaTicks(closes);
        Double horizonSigma = sigma == null ? null : sigma * Math.sqrt(HORIZON_BARS);
        BigInteger capital = valueToken1(position.holding0(), position.holding1(), sqrtP);
        BigInteger volume = volumeToken1(bars);
        boolean ownInRange = position.tickLower() <= tick && tick < position.tickUpper();
        BigInteger poolLiquidity = bars.isEmpty() ? BigInteger.ZERO : bars.get(bars.size() - 1).liquidity()
                .subtract(ownInRange ? position.liquidity() : BigInteger.ZERO).max(BigInteger.ZERO);
        long intervalSeconds = bars.isEmpty() ? 0 : bars.get(0).interval().seconds();
        Regime regime = regime(closes);
        BigDecimal confidence = confidence(bars.size(), LOOKBACK_BARS, walkForwardMeanTestReturn, regime);

        List<RebalanceProposal> proposals = new ArrayList<>();
        for (RiskLevel level : RiskLevel.values()) {
            int halfWidth = horizonSigma == null ? tickSpacing : halfWidth(horizonSigma, level.sigmas(), tickSpacing);
            int[] range = range(tick, halfWidth, tickSpacing);
            long[] inRange = timeInRange(closes, range[0] - tick, range[1] - tick, HORIZON_BARS);
            BigInteger liquidity = liquidityForValue(capital, sqrtP, range[0], range[1]);
            BigDecimal apr = feeApr(volume, position.feePips(), liquidity, poolLiquidity, inRange[0], inRange[1],
                    bars.size(), intervalSeconds, capital);
            BigDecimal il = horizonSigma == null ? null : ilRisk(range[0] - tick, range[1] - tick, horizonSigma);
            proposals.add(new RebalanceProposal(level, range[0], range[1], halfWidth, apr,
                    fraction(inRange[0], inRange[1]), il, confidence));
        }
        long[] currentInRange = timeInRange(closes, position.tickLower() - tick, position.tickUpper() - tick,
                HORIZON_BARS);
        BigDecimal currentApr = feeApr(volume, position.feePips(), position.liquidity(), poolLiquidity,
                currentInRange[0], currentInRange[1], bars.size(), intervalSeconds, capital);
        BigDecimal currentIl = horizonSigma == null ? null
                : ilRisk(position.tickLower() - tick, position.tickUpper() - tick, horizonSigma);
        return new RebalancePlan(position.positionKey(), position.pool(), position.feePips(), tickSpacing, tick,
                position.tickLower(), position.tickUpper(), position.liquidity(), bars.size(), scale6(sigma),
                scale6(horizonSigma), volume, capital, poolLiquidity, regime, walkForwardMeanTestReturn, currentApr,
                currentIl, List.copyOf(proposals));
    }

    /** Sample standard deviation (n − 1) of the bar-to-bar close tick changes; null with fewer than 3 closes. */
    static Double sigmaTicks(int[] closes) {
        int n = closes.length - 1;
        if (n < 2) {
            return null;
        }
        double mean = (double) (closes[n] - closes[0]) / n;
        double squares = 0;
        for (int i = 1; i <= n; i++) {
            double d = closes[i] - closes[i - 1] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** ⌈sigmas × horizonSigma⌉ rounded up to a whole number of tick spacings, at least one spacing. */
    static int halfWidth(double horizonSigmaTicks, BigDecimal sigmas, int tickSpacing) {
        double ticks = sigmas.doubleValue() * horizonSigmaTicks;
        long spacings = (long) Math.ceil(ticks / tickSpacing);
        return (int) Math.max(1, Math.min(spacings, TickMath.MAX_TICK / tickSpacing)) * tickSpacing;
    }

    /**
     * [lower, upper]: {@code tick − halfWidth} rounded down and {@code tick + halfWidth} rounded up to the tick
     * spacing, inside the usable ticks.
     */
    static int[] range(int tick, int halfWidth, int tickSpacing) {
        int minUsable = -(TickMath.MAX_TICK / tickSpacing) * tickSpacing;
        int lower = Math.max(minUsable, Math.floorDiv(tick - halfWidth, tickSpacing) * tickSpacing);
        int upper = Math.min(-minUsable, -Math.floorDiv(-(tick + halfWidth), tickSpacing) * tickSpacing);
        if (upper <= lower) {
            upper = lower + tickSpacing;
        }
        return new int[] {lower, upper};
    }

    /**
     * How often a range set at a bar would have held the price over the next bars: over every start s with a full
     * horizon after it (h = min(horizon, n − 1) bars), the bars s+1..s+h whose close tick moved by d from the start's
     * with below ≤ d < above. Returns {in range, bars counted}.
     */
    static long[] timeInRange(int[] closes, int below, int above, int horizonBars) {
        int h = Math.min(horizonBars, closes.length - 1);
        long in = 0;
        long total = 0;
        for (int s = 0; h > 0 && s + h < closes.length; s++) {
            for (int j = 1; j <= h; j++) {
                int d = closes[s + j] - closes[s];
                if (d >= below && d < above) {
                    in++;
                }
                total++;
            }
        }
        return new long[] {in, total};
    }

    /** x0 valued in token1 at the sqrt price, rounded down (x0 · sqrtP² / 2^192), plus x1; raw units. */
    static BigInteger valueToken1(BigInteger amount0, BigInteger amount1, BigInteger sqrtPriceX96) {
        return amount0.multiply(sqrtPriceX96).multiply(sqrtPriceX96).divide(Q192).add(amount1);
    }

    /** Σ over the bars of volume0In valued at the bar's close plus volume1In, raw token1. */
    static BigInteger volumeToken1(List<Bar> bars) {
        BigInteger sum = BigInteger.ZERO;
        for (Bar b : bars) {
            sum = sum.add(valueToken1(b.volume0In(), b.volume1In(), b.closeSqrtPriceX96()));
        }
        return sum;
    }

    /**
     * The liquidity a value in token1 buys over [lower, upper] at the price: ⌊value · U / V(amounts of U)⌋ with
     * U = 2^96, the amounts from Uniswap's {@code LiquidityAmounts} (rounded down).
     */
    static BigInteger liquidityForValue(BigInteger valueToken1, BigInteger sqrtPriceX96, int lower, int upper) {
        TokenAmounts unit = LiquidityAmounts.getAmountsForLiquidity(sqrtPriceX96, TickMath.getSqrtRatioAtTick(lower),
                TickMath.getSqrtRatioAtTick(upper), UNIT_LIQUIDITY);
        BigInteger unitValue = valueToken1(unit.amount0(), unit.amount1(), sqrtPriceX96);
        return unitValue.signum() == 0 ? BigInteger.ZERO : valueToken1.multiply(UNIT_LIQUIDITY).divide(unitValue);
    }

    /**
     * Expected fees per year over the capital: volume · fee · L / (L_pool + L) · (in / counted) · (year / covered)
     * / capital, with covered = bars · interval; exact, rounded half-even to scale 6. Null when there is no capital, no
     * bar or no horizon to count.
     */
    static BigDecimal feeApr(BigInteger volumeToken1, int feePips, BigInteger liquidity, BigInteger poolLiquidity,
            long in, long counted, int bars, long intervalSeconds, BigInteger capital) {
        BigInteger shareDenominator = poolLiquidity.add(liquidity);
        if (capital.signum() <= 0 || counted == 0 || bars == 0 || shareDenominator.signum() == 0) {
            return null;
        }
        BigInteger numerator = volumeToken1.multiply(BigInteger.valueOf(feePips)).multiply(liquidity)
                .multiply(BigInteger.valueOf(in)).multiply(SECONDS_A_YEAR);
        BigInteger denominator = PIPS.multiply(shareDenominator).multiply(BigInteger.valueOf(counted))
                .multiply(BigInteger.valueOf(bars)).multiply(BigInteger.valueOf(intervalSeconds)).multiply(capital);
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 6, RoundingMode.HALF_EVEN);
    }

    /**
     * A concentrated position's value against holding what it held, when the price moves from 1 to {@code ratio}:
     * with the range [a, b] relative to the price (√a = sqrtLower, √b = sqrtUpper) and s(p) = √p clamped to [√a, √b],
     * amounts per unit of liquidity x = 1/s − 1/√b, y = s − √a; IL = (x(r)·r + y(r)) / (x(1)·r + y(1)) − 1 (≤ 0).
     */
    static double ilAt(double sqrtLower, double sqrtUpper, double ratio) {
        double s0 = Math.min(Math.max(1, sqrtLower), sqrtUpper);
        double s1 = Math.min(Math.max(Math.sqrt(ratio), sqrtLower), sqrtUpper);
        double lp = (1 / s1 - 1 / sqrtUpper) * ratio + (s1 - sqrtLower);
        double hold = (1 / s0 - 1 / sqrtUpper) * ratio + (s0 - sqrtLower);
        return lp / hold - 1;
    }

    /**
     * The range's IL risk: −½ (IL(e^σ) + IL(e^−σ)) with σ = the horizon's standard deviation of the log price
     * (ticks × ln 1.0001), the range's bounds {@code below} and {@code above} ticks from the price; scale 6, half-even.
     */
    static BigDecimal ilRisk(int below, int above, double horizonSigmaTicks) {
        double sqrtLower = Math.exp(below * LN_TICK / 2);
        double sqrtUpper = Math.exp(above * LN_TICK / 2);
        double sigma = horizonSigmaTicks * LN_TICK;
        double il = -(ilAt(sqrtLower, sqrtUpper, Math.exp(sigma)) + ilAt(sqrtLower, sqrtUpper, Math.exp(-sigma))) / 2;
        return BigDecimal.valueOf(il).setScale(6, RoundingMode.HALF_EVEN);
    }

    /**
     * coverage × walk-forward × regime, scale 4 half-even: coverage = min(1, bars / lookback); walk-forward 1 when the
     * pool's latest walk-forward suggestion kept a positive mean test return, 0.5 when it did not, 0.75 without one;
     * regime 0.5 in high volatility, else 1.
     */
    static BigDecimal confidence(int bars, int lookbackBars, BigDecimal walkForwardMeanTestReturn, Regime regime) {
        BigDecimal coverage = bars >= lookbackBars ? BigDecimal.ONE
                : BigDecimal.valueOf(bars).divide(BigDecimal.valueOf(lookbackBars), 18, RoundingMode.HALF_EVEN);
        BigDecimal walkForward = walkForwardMeanTestReturn == null ? new BigDecimal("0.75")
                : walkForwardMeanTestReturn.signum() > 0 ? BigDecimal.ONE : new BigDecimal("0.5");
        BigDecimal regimeFactor = regime == Regime.HIGH_VOLATILITY ? new BigDecimal("0.5") : BigDecimal.ONE;
        return coverage.multiply(walkForward).multiply(regimeFactor).setScale(4, RoundingMode.HALF_EVEN);
    }

    /** The regime at the last bar ({@link RegimeMethod#STANDARD} over 1.0001^tick), null without a reading there. */
    static Regime regime(int[] closes) {
        if (closes.length <= RegimeMethod.STANDARD.firstBar()) {
            return null;
        }
        double[] prices = new double[closes.length];
        for (int i = 0; i < closes.length; i++) {
            prices[i] = Math.exp(closes[i] * LN_TICK);
        }
        List<RegimeReading> readings = RegimeMethod.STANDARD.read(prices);
        if (readings.isEmpty() || readings.get(readings.size() - 1).bar() != closes.length - 1) {
            return null;
        }
        return readings.get(readings.size() - 1).regime();
    }

    private static BigDecimal fraction(long in, long counted) {
        return counted == 0 ? null
                : BigDecimal.valueOf(in).divide(BigDecimal.valueOf(counted), 6, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal scale6(Double v) {
        return v == null ? null : BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN);
    }
}
