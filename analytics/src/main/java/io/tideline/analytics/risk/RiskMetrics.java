package io.tideline.analytics.risk;

import java.util.List;

/**
 * The risk figures of one series. Ratios that are undefined (no dispersion, no drawdown, too few returns) are
 * {@code null}, never infinite or NaN.
 *
 * @param observations     returns the figures are computed over
 * @param meanReturn       arithmetic mean of the per-period returns
 * @param volatility       sample standard deviation (n − 1) of the returns, times sqrt(periods per year)
 * @param annualisedReturn geometric: {@code (prod(1 + r))^(periodsPerYear / n) − 1}
 * @param sharpe           {@code (mean − rf/P) / stdev · sqrt(P)}
 * @param sortino          {@code (mean − target) / downsideDeviation · sqrt(P)}, downside deviation =
 *                         {@code sqrt(sum(min(0, r − target)^2) / n)} over all n returns
 * @param calmar           annualised return / max drawdown
 */
public record RiskMetrics(ReturnPeriod period, int observations, Double meanReturn, Double volatility,
                          Double annualisedReturn, Double sharpe, Double sortino, Double calmar, Drawdown drawdown,
                          List<TailRisk> tails) {
}
