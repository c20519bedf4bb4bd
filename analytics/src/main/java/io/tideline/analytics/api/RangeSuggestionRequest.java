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
import io.tideline.analytics.suggestion.WalkForwardPlan;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static io.tideline.analytics.api.BacktestRequest.bigInteger;
import static io.tideline.analytics.api.BacktestRequest.choice;
import static io.tideline.analytics.api.BacktestRequest.costs;
import static io.tideline.analytics.api.BacktestRequest.guard;
import static io.tideline.analytics.api.BacktestRequest.hedge;
import static io.tideline.analytics.api.BacktestRequest.integer;
import static io.tideline.analytics.api.BacktestRequest.node;
import static io.tideline.analytics.api.BacktestRequest.rebalance;
import static io.tideline.analytics.api.BacktestRequest.text;

/**
 * A posted range suggestion read into what {@link io.tideline.analytics.suggestion.RangeSearch} needs; every bad field
 * is a 400 naming it (see the README for the body). The pools are the pair's fee tiers, each with its bars as CSV
 * ({@link CsvBars}' columns) or as a window of the series store ({@link BarsInput}), at the same times.
 */
record RangeSuggestionRequest(String pair, List<PoolSeries> pools, List<Integer> halfWidths, Strategy template,
                              WalkForwardPlan plan) {

    private static final int MAX_WIDTHS = 50;

    static RangeSuggestionRequest read(JsonNode body) {
        return read(body, (pool, interval, from, to) -> {
            throw ProblemException.badField("pools", "a source is not available here; give the bars as csv");
        });
    }

    /** A body whose pools give their bars in {@code csv} or a {@code source} window of {@code stored}. */
    static RangeSuggestionRequest read(JsonNode body, BarsInput.StoredBars stored) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badField("body", "must be a JSON object");
        }
        String pair = Identifiers.require("pair", text(body, "pair", null));
        int decimals0 = integer(body, "decimals0");
        int decimals1 = integer(body, "decimals1");
        BarInterval interval = choice(body, "interval", BarInterval.class);
        BigInteger capital = bigInteger(body, "capital");
        RebalanceRule rebalance = guard("rebalance", () -> rebalance(node(body, "rebalance")));
        HedgeRule hedge = guard("hedge", () -> hedge(body.get("hedge")));
        Costs costs = guard("costs", () -> costs(body.get("costs")));
        List<Integer> widths = halfWidths(body.get("halfWidths"));
        int trainBars = integer(body, "trainBars");
        int testBars = integer(body, "testBars");
        WalkForwardPlan plan = guard("trainBars", () -> new WalkForwardPlan(trainBars, testBars));
        JsonNode poolsNode = body.get("pools");
        if (poolsNode == null || !poolsNode.isArray() || poolsNode.isEmpty()) {
            throw ProblemException.badField("pools", "is required: the pair's pools, one per fee tier");
        }
        List<PoolSeries> pools = new ArrayList<>();
        for (int i = 0; i < poolsNode.size(); i++) {
            JsonNode p = poolsNode.get(i);
            String at = "pools[" + i + "]";
            if (!p.isObject()) {
                throw ProblemException.badField(at, "must be an object");
            }
            String pool = Identifiers.require(at + ".pool", text(p, "pool", null, at + ".pool"));
            int fee = positive(p, "feePips", at);
            int spacing = positive(p, "tickSpacing", at);
            List<Bar> bars = BarsInput.read(p, at + ".", interval, decimals0, decimals1, stored);
            String barsField = at + (p.hasNonNull("source") ? ".source" : ".csv");
            pools.add(guard(barsField, () -> new PoolSeries(pool, fee, spacing, decimals0, decimals1, interval,
                    bars)));
        }
        int bars = pools.get(0).bars().size();
        if (bars < plan.trainBars()) {
            throw ProblemException.badField("trainBars", "is more than the " + bars + " bars posted");
        }
        for (int i = 1; i < pools.size(); i++) {
            if (pools.get(i).bars().size() != bars) {
                String barsField = poolsNode.get(i).hasNonNull("source") ? ".source" : ".csv";
                throw ProblemException.badField("pools[" + i + "]" + barsField, "must have as many bars as pools[0] ("
                        + bars + ")");
            }
        }
        Strategy template = guard("capital", () -> new Strategy(pair, pools.get(0).feePips(),
                new RangeRule.FixedWidth(widths.get(0)), rebalance, hedge, costs, capital));
        return new RangeSuggestionRequest(pair, pools, widths, template, plan);
    }

    private static List<Integer> halfWidths(JsonNode n) {
        if (n == null || !n.isArray() || n.isEmpty() || n.size() > MAX_WIDTHS) {
            throw ProblemException.badField("halfWidths", "is required: 1 to " + MAX_WIDTHS + " half widths in ticks");
        }
        List<Integer> widths = new ArrayList<>();
        for (JsonNode w : n) {
            if (!w.isIntegralNumber() || !w.canConvertToInt() || w.intValue() <= 0) {
                throw ProblemException.badField("halfWidths", "must hold whole numbers of ticks above 0");
            }
            widths.add(w.intValue());
        }
        return widths;
    }

    private static int positive(JsonNode p, String field, String at) {
        JsonNode v = p.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() <= 0) {
            throw ProblemException.badField(at + "." + field, "is required (an integer above 0)");
        }
        return v.intValue();
    }
}
