package io.tideline.analytics.backtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.CsvBars;
import io.tideline.analytics.market.PoolSeries;
import io.tideline.testing.TidelineTestResources;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backtest API against the real database: a job started, followed to its stored result, listed, compared. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BacktestApiTest {

    private static final String CSV = """
            start,open,high,low,close,volume0,volume1,liquidity
            2026-01-01T00:00:00Z,2500,2500,2500,2500,0,0,1000000000000000
            2026-01-01T00:01:00Z,2500,2510,2495,2505,1.5,4000,1000000000000000
            2026-01-01T00:02:00Z,2505,2520,2500,2515,0.25,9000,1000000000000000
            2026-01-01T00:03:00Z,2515,2530,2490,2492,2,100,1000000000000000
            """;

    private static Map<String, Object> body(Object halfWidth) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", "api test");
        body.put("pool", "weth-usdc");
        body.put("feePips", 3000);
        body.put("tickSpacing", 60);
        body.put("decimals0", 18);
        body.put("decimals1", 6);
        body.put("interval", "M1");
        body.put("capital", "10000000000");
        body.put("range", Map.of("type", "FIXED_WIDTH", "halfWidth", halfWidth));
        body.put("rebalance", Map.of("type", "OUT_OF_RANGE_FOR", "after", "PT2M"));
        body.put("costs", Map.of("gasPerAction", "1000000", "slippagePips", 300));
        body.put("csv", CSV);
        return body;
    }

    @Test
    void runsABacktestAsAJobAndKeepsItsResult() {
        Response started = given().contentType(ContentType.JSON).body(body(600))
                .post("/api/v1/analytics/backtests");
        started.then().statusCode(202).header("Location", containsString("/api/v1/analytics/backtests/"));
        String location = started.header("Location");
        String id = started.jsonPath().getString("job.id");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                "DONE".equals(given().get(location).jsonPath().getString("job.status")));
        Response done = given().get(location);
        done.then().statusCode(200).body("job.done", equalTo(3)).body("job.steps", equalTo(3));

        PoolSeries series = new PoolSeries("weth-usdc", 3000, 60, 18, 6, BarInterval.M1,
                CsvBars.read(new StringReader(CSV), BarInterval.M1, 18, 6));
        BacktestResult expected = Backtester.run(new Strategy("weth-usdc", 3000, new RangeRule.FixedWidth(600),
                new RebalanceRule.OutOfRangeFor(Duration.ofMinutes(2)), null,
                new Costs(BigInteger.valueOf(1_000_000), 300), BigInteger.valueOf(10_000_000_000L)), series);
        assertThat(new BigInteger(done.jsonPath().getString("result.fees1"))).isEqualTo(expected.fees1())
                .isPositive();
        assertThat(new BigDecimal(done.jsonPath().getString("result.endEquity"))).isEqualTo(expected.endEquity());
        assertThat(new BigDecimal(done.jsonPath().getString("result.gas"))).isEqualTo(expected.gas());
        assertThat(done.jsonPath().getList("result.actions")).hasSize(expected.actions().size());

        List<String> listed = given().get("/api/v1/analytics/backtests").jsonPath().getList("id");
        assertThat(listed).contains(id);
        Response compared = given().queryParam("ids", id + "," + id).get("/api/v1/analytics/backtests/compare");
        compared.then().statusCode(200).body("backtests.size()", equalTo(2))
                .body("backtests[0].result.actions", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body(body(-5)).post("/api/v1/analytics/backtests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("range.halfWidth"));
        given().get("/api/v1/analytics/backtests/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }
}
