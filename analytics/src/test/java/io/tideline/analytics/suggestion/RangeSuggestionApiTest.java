package io.tideline.analytics.suggestion;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tideline.analytics.backtest.Costs;
import io.tideline.analytics.backtest.RangeRule;
import io.tideline.analytics.backtest.RebalanceRule;
import io.tideline.analytics.backtest.Strategy;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.CsvBars;
import io.tideline.analytics.market.PoolSeries;
import io.tideline.testing.TidelineTestResources;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Range suggestions through the API against the real database: made, kept, read back by pair and by id. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RangeSuggestionApiTest {

    private static final String PAIR = "WETH/USDC-" + System.nanoTime();

    /** 60 one-minute bars of a price swinging between 2495 and 2505, 40,000 USDC traded in each. */
    private static String csv() {
        StringBuilder b = new StringBuilder("start,open,high,low,close,volume0,volume1,liquidity\n");
        Instant t = Instant.parse("2026-02-01T00:00:00Z");
        int previous = 2500;
        for (int i = 0; i < 60; i++) {
            int close = 2500 + (i % 4 < 2 ? 5 : -5);
            b.append(t.plusSeconds(60L * i)).append(',').append(previous).append(',')
                    .append(Math.max(previous, close)).append(',').append(Math.min(previous, close)).append(',')
                    .append(close).append(",0,40000,1000000000000000\n");
            previous = close;
        }
        return b.toString();
    }

    private static Map<String, Object> body(Object halfWidths, Object secondFee) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pair", PAIR);
        body.put("decimals0", 18);
        body.put("decimals1", 6);
        body.put("interval", "M1");
        body.put("capital", "10000000000");
        body.put("rebalance", Map.of("type", "OUT_OF_RANGE_FOR", "after", "PT5M"));
        body.put("halfWidths", halfWidths);
        body.put("trainBars", 30);
        body.put("testBars", 10);
        body.put("pools", List.of(
                Map.of("pool", "weth-usdc-5", "feePips", 500, "tickSpacing", 10, "csv", csv()),
                Map.of("pool", "weth-usdc-30", "feePips", secondFee, "tickSpacing", 60, "csv", csv())));
        return body;
    }

    @Test
    void makesKeepsAndListsASuggestion() {
        Response made = given().contentType(ContentType.JSON).body(body(List.of(3000, 600), 3000))
                .post("/api/v1/analytics/suggestions/ranges");
        made.then().statusCode(201).header("Location", containsString("/api/v1/analytics/suggestions/ranges/"));

        List<PoolSeries> pools = List.of(series("weth-usdc-5", 500, 10), series("weth-usdc-30", 3000, 60));
        RangeSuggestion expected = RangeSearch.suggest(pools, List.of(3000, 600),
                new Strategy(PAIR, 500, new RangeRule.FixedWidth(3000),
                        new RebalanceRule.OutOfRangeFor(Duration.ofMinutes(5)), null, Costs.NONE,
                        BigInteger.valueOf(10_000_000_000L)), new WalkForwardPlan(30, 10));
        assertThat(expected.pool()).isEqualTo("weth-usdc-30"); // the reference itself chooses the 0.3 % tier

        Response kept = given().get(made.header("Location"));
        kept.then().statusCode(200).body("pair", equalTo(PAIR))
                .body("suggestion.pool", equalTo(expected.pool()))
                .body("suggestion.feePips", equalTo(expected.feePips()))
                .body("suggestion.halfWidth", equalTo(expected.halfWidth()))
                .body("suggestion.folds.size()", equalTo(expected.folds().size()));
        assertThat(new BigDecimal(kept.jsonPath().getString("suggestion.trainReturn")))
                .isEqualTo(expected.trainReturn());
        assertThat(new BigDecimal(kept.jsonPath().getString("suggestion.meanTestReturn")))
                .isEqualTo(expected.meanTestReturn());

        given().contentType(ContentType.JSON).body(body(List.of(600), 3000))
                .post("/api/v1/analytics/suggestions/ranges").then().statusCode(201);
        List<Integer> widths = given().queryParam("pair", PAIR).get("/api/v1/analytics/suggestions/ranges")
                .jsonPath().getList("suggestion.halfWidth");
        assertThat(widths).hasSize(2).first().isEqualTo(600); // newest first
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndKeepsNothing() {
        String pair = PAIR + "-bad";
        Map<String, Object> noWidths = body(List.of(), 3000);
        noWidths.put("pair", pair);
        given().contentType(ContentType.JSON).body(noWidths).post("/api/v1/analytics/suggestions/ranges")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("halfWidths"));
        Map<String, Object> badFee = body(List.of(600), -1);
        badFee.put("pair", pair);
        given().contentType(ContentType.JSON).body(badFee).post("/api/v1/analytics/suggestions/ranges")
                .then().statusCode(400).body("errors[0].field", equalTo("pools[1].feePips"));
        given().queryParam("pair", pair).get("/api/v1/analytics/suggestions/ranges")
                .then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/v1/analytics/suggestions/ranges/nope").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    private static PoolSeries series(String pool, int fee, int spacing) {
        return new PoolSeries(pool, fee, spacing, 18, 6, BarInterval.M1,
                CsvBars.read(new StringReader(csv()), BarInterval.M1, 18, 6));
    }
}
