package io.tideline.analytics.risk;

/**
 * The conventions the metrics are computed under.
 *
 * @param period         spacing of the returns and so the annualisation factor
 * @param riskFreeRate   annual, simple; per period it is {@code riskFreeRate / periodsPerYear}
 * @param sortinoTarget  per-period target return the downside deviation is measured against
 */
public record RiskConventions(ReturnPeriod period, double riskFreeRate, double sortinoTarget) {

    public RiskConventions {
        if (period == null) {
            throw new IllegalArgumentException("period is required");
        }
        if (!Double.isFinite(riskFreeRate) || !Double.isFinite(sortinoTarget)) {
            throw new IllegalArgumentException("riskFreeRate and sortinoTarget must be finite");
        }
    }

    public static RiskConventions of(ReturnPeriod period) {
        return new RiskConventions(period, 0.0, 0.0);
    }
}
