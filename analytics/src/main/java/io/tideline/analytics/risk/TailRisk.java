package io.tideline.analytics.risk;

/**
 * Value at risk and conditional value at risk (expected shortfall) of one period's return at one confidence level,
 * both as positive fractions of value (a loss of 0.03 = 3 %).
 *
 * @param confidence e.g. 0.95
 */
public record TailRisk(double confidence, Double historicalVar, Double historicalCvar, Double parametricVar,
                       Double parametricCvar) {

    /** NaN (too few returns) becomes null. */
    static TailRisk of(double confidence, double historicalVar, double historicalCvar, double parametricVar,
            double parametricCvar) {
        return new TailRisk(confidence, finite(historicalVar), finite(historicalCvar), finite(parametricVar),
                finite(parametricCvar));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
