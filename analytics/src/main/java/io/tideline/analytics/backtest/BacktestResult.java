package io.tideline.analytics.backtest;

import io.tideline.analytics.risk.RiskMetrics;
import io.tideline.analytics.risk.ValuePoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * What a backtest produced. Money is in token1: {@code BigDecimal}s in whole token1 (exact: raw units scaled by
 * token1's decimals), fee amounts raw. The equity curve has a point per step (bar close or swap); the metrics are
 * {@link io.tideline.analytics.risk.RiskCalculator}'s over it, hourly (daily for daily bars).
 *
 * @param fees0 / fees1   fees earned, raw (collected at each close plus those owed at the end)
 * @param feesValue       those fees in token1, each at the price when collected (owed ones at the end price)
 * @param impermanentLoss Σ over positions of value(amounts out) − value(amounts put in), both at the price of the close
 *                        (the open position at the end price): negative is a loss
 * @param hedgePnl        the short's price P&amp;L + funding − perp fees (each also given alone)
 */
public record BacktestResult(Strategy strategy, int steps, List<ValuePoint> equityCurve, List<Action> actions,
                             BigInteger fees0, BigInteger fees1, BigDecimal feesValue, BigDecimal impermanentLoss,
                             BigDecimal hedgePnl, BigDecimal hedgePricePnl, BigDecimal funding, BigDecimal perpFees,
                             BigDecimal gas, BigDecimal slippage, BigDecimal startEquity, BigDecimal endEquity,
                             int rebalances, RiskMetrics metrics) {

    public BacktestResult {
        equityCurve = List.copyOf(equityCurve);
        actions = List.copyOf(actions);
    }
}
