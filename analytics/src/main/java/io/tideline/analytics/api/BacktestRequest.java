package io.tideline.analytics.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.analytics.backtest.Costs;
import io.tideline.analytics.backtest.HedgeRule;
import io.tideline.analytics.backtest.RangeRule;
import io.tideline.analytics.backtest.RebalanceRule;
import io.tideline.analytics.backtest.Strategy;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.CsvBars;
import io.tideline.analytics.market.PoolSeries;
import io.tideline.service.problem.ProblemException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * A posted backtest read into a {@link Strategy} and a {@link PoolSeries}; every bad field is a 400 naming it (see
 * the README for the body). The bars come as CSV text in {@code csv} ({@link CsvBars}' columns) or as a window of the
 * series store in {@code source} ({@link BarsInput}).
 */
record BacktestRequest(String name, Strategy strategy, PoolSeries series) {

    /** A body with its bars in {@code csv} only (no series store to read a {@code source} from). */
    static BacktestRequest read(JsonNode body) {
        return read(body, (pool, interval, from, to) -> {
            throw ProblemException.badField("source", "is not available here; give the bars as csv");
        });
    }

    /** A body with its bars in {@code csv} or a {@code source} window of {@code stored} ({@link BarsInput}). */
    static BacktestRequest read(JsonNode body, BarsInput.StoredBars stored) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badField("body", "must be a JSON object");
        }
        String name = text(body, "name", "backtest");
        String pool = text(body, "pool", null);
        int fee = integer(body, "feePips");
        int spacing = integer(body, "tickSpacing");
        int decimals0 = integer(body, "decimals0");
        int decimals1 = integer(body, "decimals1");
        BarInterval interval = choice(body, "interval", BarInterval.class);
        BigInteger capital = bigInteger(body, "capital");
        RangeRule range = guard("range", () -> range(node(body, "range")));
        RebalanceRule rebalance = guard("rebalance", () -> rebalance(node(body, "rebalance")));
        HedgeRule hedge = guard("hedge", () -> hedge(body.get("hedge")));
        Costs costs = guard("costs", () -> costs(body.get("costs")));
        List<Bar> bars = BarsInput.read(body, "", interval, decimals0, decimals1, stored);
        String barsField = body.hasNonNull("source") ? "source" : "csv";
        PoolSeries series = guard(barsField, () -> new PoolSeries(pool, fee, spacing, decimals0, decimals1, interval,
                bars));
        if (series.bars().size() < 2) {
            throw ProblemException.badField(barsField, "needs at least two bars (has " + series.bars().size() + ")");
        }
        Strategy strategy = guard("feePips", () -> new Strategy(pool, fee, range, rebalance, hedge, costs, capital));
        return new BacktestRequest(name, strategy, series);
    }

    static RangeRule range(JsonNode n) {
        return switch (type(n, "range")) {
            case "FIXED_WIDTH" -> new RangeRule.FixedWidth(integer(n, "halfWidth"));
            case "ASYMMETRIC" -> new RangeRule.Asymmetric(integer(n, "below"), integer(n, "above"));
            case "VOLATILITY_SCALED" -> new RangeRule.VolatilityScaled(integer(n, "lookback"), decimal(n, "sigmas"),
                    integer(n, "minHalfWidth"), integer(n, "maxHalfWidth"));
            default -> throw ProblemException.badField("range.type",
                    "must be FIXED_WIDTH, ASYMMETRIC or VOLATILITY_SCALED");
        };
    }

    static RebalanceRule rebalance(JsonNode n) {
        return switch (type(n, "rebalance")) {
            case "OUT_OF_RANGE_FOR" -> new RebalanceRule.OutOfRangeFor(duration(n, "rebalance.after", "after"));
            case "PRICE_BEYOND_BAND" -> new RebalanceRule.PriceBeyondBand(integer(n, "band"));
            case "PERIODIC" -> new RebalanceRule.Periodic(duration(n, "rebalance.every", "every"));
            default -> throw ProblemException.badField("rebalance.type",
                    "must be OUT_OF_RANGE_FOR, PRICE_BEYOND_BAND or PERIODIC");
        };
    }

    static HedgeRule hedge(JsonNode n) {
        if (n == null || n.isNull()) {
            return new HedgeRule.None();
        }
        return new HedgeRule.DeltaNeutralPerp(decimal(n, "band"), decimal(n, "feeRate"),
                decimal(n, "fundingRatePerDay"));
    }

    static Costs costs(JsonNode n) {
        if (n == null || n.isNull()) {
            return Costs.NONE;
        }
        return new Costs(bigInteger(n, "gasPerAction"), integer(n, "slippagePips"));
    }

    static <T> T guard(String field, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            String message = e.getMessage() == null ? "is invalid" : e.getMessage();
            String named = message.contains(".") && message.startsWith(field + ".")
                    ? message.substring(0, message.indexOf(' ')) : field;
            throw ProblemException.badField(named, message);
        }
    }

    static JsonNode node(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isObject()) {
            throw ProblemException.badField(field, "is required (an object)");
        }
        return n;
    }

    static String type(JsonNode n, String field) {
        return text(n, "type", null, field + ".type").toUpperCase(Locale.ROOT);
    }

    static String text(JsonNode n, String field, String fallback) {
        return text(n, field, fallback, field);
    }

    static String text(JsonNode n, String field, String fallback, String named) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw ProblemException.badField(named, "is required");
        }
        if (!v.isTextual()) {
            throw ProblemException.badField(named, "must be a string");
        }
        return v.asText();
    }

    static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw ProblemException.badField(field, "is required (an integer)");
        }
        return v.intValue();
    }

    static BigInteger bigInteger(JsonNode n, String field) {
        JsonNode v = n.get(field);
        try {
            if (v == null || v.isNull()) {
                throw new NumberFormatException();
            }
            return new BigInteger(v.asText());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(field, "is required (an integer, raw token units, as a string)");
        }
    }

    static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        try {
            if (v == null || v.isNull()) {
                throw new NumberFormatException();
            }
            return new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(field, "is required (a decimal, as a string)");
        }
    }

    static Duration duration(JsonNode n, String named, String field) {
        try {
            return Duration.parse(text(n, field, null, named));
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(named, "must be an ISO-8601 duration (e.g. PT30M)");
        }
    }

    static <E extends Enum<E>> E choice(JsonNode n, String field, Class<E> type) {
        String v = text(n, field, null);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
