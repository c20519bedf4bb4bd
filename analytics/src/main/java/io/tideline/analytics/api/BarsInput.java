package io.tideline.analytics.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.CsvBars;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static io.tideline.analytics.api.BacktestRequest.guard;
import static io.tideline.analytics.api.BacktestRequest.text;

/**
 * Where a backtest's or a range search's bars come from: {@code csv} (bars in the body, {@link CsvBars}' columns) or
 * {@code source}, a window of the series store ({@code pool_bar}, recorded or imported): {@code {pool, from, to}}
 * read at the request's {@code interval} through {@link io.tideline.analytics.market.PoolBarStore#bars}. Exactly one
 * of the two; a bad one is a 400 naming its field ({@code csv}, {@code source.from}, {@code pools[1].source.pool},
 * ...).
 */
final class BarsInput {

    /**
     * The most minutes a stored window may span, whatever its width (a year and a little over): the store may hold
     * only one-minute bars and resample them, so it is the minutes read that are bounded.
     */
    static final long MAX_SOURCE_MINUTES = 530_000;

    /** The series store as a request reads it. */
    @FunctionalInterface
    interface StoredBars {
        /** The pool's bars of {@code interval} starting in [from, to), gaps filled (see PoolBarStore). */
        List<Bar> bars(String pool, BarInterval interval, Instant from, Instant to);
    }

    private BarsInput() {
    }

    /**
     * The bars of {@code n} ({@code at}: the object's path in the body, "" at its root, else e.g. "pools[0].").
     */
    static List<Bar> read(JsonNode n, String at, BarInterval interval, int decimals0, int decimals1,
                          StoredBars stored) {
        JsonNode source = n.get("source");
        boolean hasSource = source != null && !source.isNull();
        JsonNode csvNode = n.get("csv");
        boolean hasCsv = csvNode != null && !csvNode.isNull();
        if (hasSource && hasCsv) {
            throw ProblemException.badField(at + "source", "give the bars as csv or as a source, not both");
        }
        if (!hasSource) {
            String csv = text(n, "csv", null, at + "csv");
            return guard(at + "csv", () -> CsvBars.read(new StringReader(csv), interval, decimals0, decimals1));
        }
        String named = at + "source";
        if (!source.isObject()) {
            throw ProblemException.badField(named, "must be an object {pool, from, to}");
        }
        String pool = Identifiers.require(named + ".pool", text(source, "pool", null, named + ".pool"));
        Instant from = instant(source, "from", named);
        Instant to = instant(source, "to", named);
        if (!from.isBefore(to)) {
            throw ProblemException.badField(named + ".to", "must be after " + named + ".from");
        }
        long minutes = (to.getEpochSecond() - from.getEpochSecond()) / BarInterval.M1.seconds();
        if (minutes > MAX_SOURCE_MINUTES) {
            throw ProblemException.badField(named + ".to", "the window spans " + minutes + " minutes, more than "
                    + MAX_SOURCE_MINUTES);
        }
        List<Bar> bars = stored.bars(pool, interval, from, to);
        if (bars.isEmpty()) {
            throw ProblemException.badField(named, "the series store holds no bars of " + pool + " in [" + from
                    + ", " + to + ")");
        }
        return bars;
    }

    private static Instant instant(JsonNode source, String field, String named) {
        String value = text(source, field, null, named + "." + field);
        return Params.instant(named + "." + field, value, null);
    }
}
