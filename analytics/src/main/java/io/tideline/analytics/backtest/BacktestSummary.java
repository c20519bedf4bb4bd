package io.tideline.analytics.backtest;

import io.tideline.analytics.risk.RiskMetrics;
import io.tideline.analytics.risk.ReturnPeriod;
import io.tideline.analytics.risk.ValuePoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A backtest's result as kept and answered: its money figures (token1, exact), the metrics, the actions, and the
 * equity curve sampled at the metrics' period (the last point of each hour, or day).
 */
public record BacktestSummary(int steps, int rebalances, BigInteger fees0, BigInteger fees1, BigDecimal feesValue,
                              BigDecimal impermanentLoss, BigDecimal hedgePnl, BigDecimal hedgePricePnl,
                              BigDecimal funding, BigDecimal perpFees, BigDecimal gas, BigDecimal slippage,
                              BigDecimal startEquity, BigDecimal endEquity, RiskMetrics metrics,
                              List<Action> actions, List<ValuePoint> equity) {

    public static BacktestSummary of(BacktestResult r) {
        ReturnPeriod period = r.metrics().period();
        return new BacktestSummary(r.steps(), r.rebalances(), r.fees0(), r.fees1(), r.feesValue(),
                r.impermanentLoss(), r.hedgePnl(), r.hedgePricePnl(), r.funding(), r.perpFees(), r.gas(),
                r.slippage(), r.startEquity(), r.endEquity(), r.metrics(), r.actions(),
                Backtester.sample(r.equityCurve(), period));
    }
}
