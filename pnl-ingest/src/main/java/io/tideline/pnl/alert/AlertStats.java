package io.tideline.pnl.alert;

import java.math.BigDecimal;

/**
 * Conversion: of the alerts kept, how many were followed by at least one execution.
 *
 * @param conversionRate converted / alerts, 4 decimal places (half-even); absent with no alerts
 */
public record AlertStats(long alerts, long open, long expired, long converted, BigDecimal conversionRate,
                         long executionsMatched, long executionsUnmatched) {
}
