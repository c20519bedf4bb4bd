package io.tideline.analytics.suggestion;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step of a walk-forward search: the candidate chosen on the training bars and how it then did on the bars after.
 *
 * @param trainReturn its return over the training bars (end equity / start equity − 1, scale 8)
 * @param testReturn  its return over the test bars, starting afresh at their first bar (scale 8)
 */
public record Fold(Instant trainFrom, Instant testFrom, Instant testTo, String pool, int feePips, int halfWidth,
                   BigDecimal trainReturn, BigDecimal testReturn) {
}
