package io.tideline.analytics.market;

import io.tideline.amm.PriceMath;
import io.tideline.amm.TickMath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bars imported from CSV. A header line names the columns, in any order (extra columns are ignored):
 * <ul>
 * <li>{@code start} — the bar's start, ISO-8601 ({@code 2026-01-01T00:00:00Z}) or epoch seconds;</li>
 * <li>{@code open}, {@code high}, {@code low}, {@code close} — prices of one whole token0 in whole token1
 *     (e.g. 2500.12 USDC per WETH when WETH is token0), decimals with a point;</li>
 * <li>{@code volume0}, {@code volume1} — what swappers paid in of each token in the bar, in whole tokens (fees
 *     included);</li>
 * <li>{@code liquidity} — the pool's in-range liquidity at the close, a raw uint128 integer.</li>
 * </ul>
 * Prices become sqrt prices and ticks with {@link PriceMath} (rounded down), volumes raw units (exact: a volume with
 * more decimals than its token is refused). A bad cell throws naming its line and column.
 */
public final class CsvBars {

    public static final List<String> COLUMNS =
            List.of("start", "open", "high", "low", "close", "volume0", "volume1", "liquidity");

    private CsvBars() {
    }

    public static List<Bar> read(Reader csv, BarInterval interval, int decimals0, int decimals1) {
        try (BufferedReader in = new BufferedReader(csv)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException("CSV is empty: a header line " + String.join(",", COLUMNS)
                        + " is required");
            }
            Map<String, Integer> index = new HashMap<>();
            String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                index.put(names[i].trim().toLowerCase(Locale.ROOT), i);
            }
            for (String c : COLUMNS) {
                if (!index.containsKey(c)) {
                    throw new IllegalArgumentException("CSV header lacks column '" + c + "' (has " + header + ")");
                }
            }
            List<Bar> bars = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Row row = new Row(line.split(",", -1), index, number);
                BigInteger open = row.sqrtPrice("open", decimals0, decimals1);
                int high = TickMath.getTickAtSqrtRatio(row.sqrtPrice("high", decimals0, decimals1));
                int low = TickMath.getTickAtSqrtRatio(row.sqrtPrice("low", decimals0, decimals1));
                BigInteger close = row.sqrtPrice("close", decimals0, decimals1);
                int closeTick = TickMath.getTickAtSqrtRatio(close);
                try {
                    bars.add(new Bar(row.start(), interval, open, Math.min(low, closeTick), Math.max(high, closeTick),
                            close, closeTick, row.raw("volume0", decimals0), row.raw("volume1", decimals1),
                            row.integer("liquidity"), 0));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("CSV line " + number + ": " + e.getMessage(), e);
                }
            }
            return bars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Row(String[] cells, Map<String, Integer> index, int line) {

        String cell(String column) {
            int i = index.get(column);
            if (i >= cells.length || cells[i].isBlank()) {
                throw bad(column, "is empty");
            }
            return cells[i].trim();
        }

        Instant start() {
            String v = cell("start");
            try {
                return v.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(v))
                        : Instant.parse(v);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw bad("start", "'" + v + "' is neither ISO-8601 nor epoch seconds");
            }
        }

        BigInteger sqrtPrice(String column, int decimals0, int decimals1) {
            BigDecimal price = decimal(column);
            if (price.signum() <= 0) {
                throw bad(column, "price must be above 0, was " + price);
            }
            return PriceMath.getSqrtRatioAtPrice(price, decimals0, decimals1);
        }

        BigInteger raw(String column, int decimals) {
            BigDecimal v = decimal(column);
            if (v.signum() < 0) {
                throw bad(column, "must not be negative, was " + v);
            }
            try {
                return v.movePointRight(decimals).toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw bad(column, v + " has more than the token's " + decimals + " decimals");
            }
        }

        BigInteger integer(String column) {
            try {
                return new BigInteger(cell(column));
            } catch (NumberFormatException e) {
                throw bad(column, "'" + cell(column) + "' is not an integer");
            }
        }

        BigDecimal decimal(String column) {
            try {
                return new BigDecimal(cell(column));
            } catch (NumberFormatException e) {
                throw bad(column, "'" + cell(column) + "' is not a number");
            }
        }

        IllegalArgumentException bad(String column, String why) {
            return new IllegalArgumentException("CSV line " + line + ", column '" + column + "': " + why);
        }
    }
}
