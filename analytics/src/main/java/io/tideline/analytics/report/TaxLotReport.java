package io.tideline.analytics.report;

import io.tideline.analytics.lots.Disposal;
import io.tideline.analytics.lots.LotMethod;
import io.tideline.analytics.lots.OpenLot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The tax lots of the prediction-market and perp trades: disposals closed in the period (lots matched over every trade
 * up to its end by the method), lots still open at its end, and the short- and long-term gains (exact sums).
 */
public record TaxLotReport(LotMethod method, Instant from, Instant to, Instant generatedAt, List<Disposal> disposals,
                           List<OpenLot> open, BigDecimal shortTermGain, BigDecimal longTermGain) {
}
