package io.tideline.analytics.suggestion;

import io.tideline.analytics.regime.RegimeMethod;
import io.tideline.analytics.regime.RegimeReading;
import java.math.BigDecimal;
import java.util.List;

/**
 * The fee tier and range width to use next, chosen on the latest training window, with the out-of-sample record of
 * the same search over the history before it.
 *
 * @param trainReturn    the chosen candidate's return over the latest training window (scale 8)
 * @param folds          each earlier choice and how it did on the bars after it
 * @param meanTestReturn the mean of the folds' test returns (scale 8), null without folds
 * @param regime         the market's regime at the last bar ({@link RegimeMethod#STANDARD} over the chosen pool's
 *                       bars), null when there are too few bars to read one
 */
public record RangeSuggestion(String pool, int feePips, int halfWidth, BigDecimal trainReturn, List<Fold> folds,
                              BigDecimal meanTestReturn, RegimeReading regime) {

    public RangeSuggestion {
        folds = List.copyOf(folds);
    }
}
