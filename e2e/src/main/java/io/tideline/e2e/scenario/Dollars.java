package io.tideline.e2e.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the desk's screen writes an exact dollar string, computed here on its own (not with the dashboard's money.js) to
 * check the screen against the API: two places, half away from zero, thousands grouped, "-$" for a loss and, for P&L,
 * "+$" for a gain ("$0.00" for nothing).
 */
public final class Dollars {

    private Dollars() {
    }

    public static String amount(String exact) {
        return format(exact, false);
    }

    public static String pnl(String exact) {
        return format(exact, true);
    }

    /** Rounded half away from zero to {@code places}, thousands grouped, "-" for a loss: the screen's plain figures. */
    public static String grouped(String exact, int places) {
        BigDecimal rounded = new BigDecimal(exact).setScale(places, RoundingMode.HALF_UP);
        return (rounded.signum() < 0 ? "-" : "") + digits(rounded.abs(), places);
    }

    private static String format(String exact, boolean signed) {
        BigDecimal rounded = new BigDecimal(exact).setScale(2, RoundingMode.HALF_UP);
        String body = digits(rounded.abs(), 2);
        if (rounded.signum() < 0) {
            return "-$" + body;
        }
        return (signed && rounded.signum() > 0 ? "+$" : "$") + body;
    }

    private static String digits(BigDecimal magnitude, int places) {
        DecimalFormat grouped = new DecimalFormat(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return grouped.format(magnitude);
    }
}
