package io.tideline.analytics.risk;

/**
 * The spacing of the returns the metrics are computed over, with the annualisation it implies for a desk that trades
 * 24 hours a day, 365 days a year (no trading calendar: crypto markets never close).
 */
public enum ReturnPeriod {
    HOURLY(8760),
    DAILY(365);

    private final int periodsPerYear;

    ReturnPeriod(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }
}
