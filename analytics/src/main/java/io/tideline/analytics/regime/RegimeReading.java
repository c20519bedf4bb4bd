package io.tideline.analytics.regime;

/**
 * The regime at one bar, with the figures that decided it.
 *
 * @param bar                 index of the bar in the series (the reading uses bars {@code 0..bar} only)
 * @param volatility          sample standard deviation of the last {@code window} log returns, per bar
 * @param volatilityPercentile share of the trailing volatilities (lookback) at or below this one, 0 to 1
 * @param volatilityRatio     this volatility over the median of the trailing volatilities
 * @param trendStrength       efficiency ratio over the window: net move over the sum of absolute moves, 0 to 1
 */
public record RegimeReading(int bar, Regime regime, double volatility, double volatilityPercentile,
                            double volatilityRatio, double trendStrength) {
}
