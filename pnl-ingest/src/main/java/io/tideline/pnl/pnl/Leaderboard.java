package io.tideline.pnl.pnl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Traders ranked by realized P&amp;L over a window of UTC days.
 *
 * @param from absent for the window {@code all}
 */
public record Leaderboard(String window, LocalDate from, LocalDate to, List<Entry> entries) {

    /**
     * One trader's line.
     *
     * @param trades  executions in the window
     * @param winRate closes with a positive P&amp;L / closes, 4 decimal places (half-even); absent with no closes
     */
    public record Entry(int rank, String user, BigDecimal pnl, long trades, long closes, BigDecimal winRate) {
    }
}
