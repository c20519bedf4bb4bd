package io.tideline.pnl.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.pnl.CostBasisMethod;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.testing.TidelineTestResources;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lots and realized P&amp;L through the executions API (an off-chain venue's fills): FIFO partial closes across several
 * buys with fees per leg, a user on LIFO, a market's resolution, idempotent posts, and the leaderboard's windows.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PnlTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LotsAndLeaderboardTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String market = "KXFED-" + UUID.randomUUID();
    private final Instant t = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

    @Test
    void fifoSaleClosesLotsAcrossSeveralBuysAndResolutionClosesTheRest() {
        String user = "trader-" + UUID.randomUUID();
        ApiCalls.execution("kalshi", market + "-b1", user, market, "YES", "BUY", "100", "0.40", "0.40", t)
                .statusCode(201);
        ApiCalls.execution("kalshi", market + "-b2", user, market, "YES", "BUY", "50", "0.60", "0.30",
                t.plusSeconds(60)).statusCode(201);
        // 120 sold at 0.70: 100 from the first buy, 20 of the second.
        ApiCalls.execution("kalshi", market + "-s1", user, market, "YES", "SELL", "120", "0.70", "0.24",
                t.plusSeconds(120)).statusCode(201);

        PnlRealized sale = PnlTopic.read(PnlRealized.class, p -> p.market().equals(market), 1, WAIT).get(0);
        assertThat(sale.reason()).isEqualTo(PnlRealized.Reason.SELL);
        assertThat(sale.method()).isEqualTo(CostBasisMethod.FIFO);
        assertThat(sale.quantity()).isEqualByComparingTo("120");
        assertThat(sale.costBasis()).isEqualByComparingTo("52"); // 100 x 0.40 + 20 x 0.60
        assertThat(sale.proceeds()).isEqualByComparingTo("84");
        assertThat(sale.fees()).isEqualByComparingTo("0.76"); // 0.40 + 20/50 x 0.30 + 0.24
        assertThat(sale.realizedPnl()).isEqualByComparingTo("31.24");
        assertThat(ApiCalls.number("/api/v1/pnl/" + user, "positions[0].shares")).isEqualByComparingTo("30");
        // 30 x 0.70 (the last price) - 30 x 0.60 - the 0.18 of buy fee still open
        assertThat(ApiCalls.number("/api/v1/pnl/" + user, "unrealized")).isEqualByComparingTo("2.82");

        given().contentType("application/json").body(Map.of("venue", "kalshi", "market", market,
                "winningOutcome", "YES", "resolvedAt", t.plusSeconds(600).toString()))
                .post("/api/v1/markets/resolutions").then().statusCode(201).body("realizations", equalTo(1));
        List<PnlRealized> all = PnlTopic.read(PnlRealized.class, p -> p.market().equals(market), 2, WAIT);
        assertThat(all).hasSize(2);
        PnlRealized resolution = all.get(1);
        assertThat(resolution.reason()).isEqualTo(PnlRealized.Reason.RESOLUTION);
        assertThat(resolution.proceeds()).isEqualByComparingTo("30");
        assertThat(resolution.realizedPnl()).isEqualByComparingTo("11.82"); // 30 - 18 - 0.18
        assertThat(ApiCalls.number("/api/v1/pnl/" + user, "realized")).isEqualByComparingTo("43.06");
        assertThat(ApiCalls.number("/api/v1/pnl/" + user, "unrealized")).isEqualByComparingTo("0");

        given().contentType("application/json").body(Map.of("venue", "kalshi", "market", market,
                "winningOutcome", "YES")).post("/api/v1/markets/resolutions").then().statusCode(200)
                .body("status", equalTo("duplicate"));
        given().contentType("application/json").body(Map.of("venue", "kalshi", "market", market,
                "winningOutcome", "NO")).post("/api/v1/markets/resolutions").then().statusCode(409);
    }

    @Test
    void aLosingOutcomeResolvesAtZero() {
        String user = "trader-" + UUID.randomUUID();
        ApiCalls.execution("kalshi", market + "-n1", user, market, "NO", "BUY", "10", "0.30", "0.01", t)
                .statusCode(201);
        given().contentType("application/json").body(Map.of("venue", "kalshi", "market", market,
                "winningOutcome", "YES")).post("/api/v1/markets/resolutions").then().statusCode(201);
        PnlRealized lost = PnlTopic.read(PnlRealized.class, p -> p.market().equals(market), 1, WAIT).get(0);
        assertThat(lost.proceeds()).isEqualByComparingTo("0");
        assertThat(lost.realizedPnl()).isEqualByComparingTo("-3.01");
    }

    @Test
    void aUserOnLifoClosesTheNewestLotFirst() {
        String user = "trader-" + UUID.randomUUID();
        given().contentType("application/json").body(Map.of("method", "lifo")).put("/api/v1/pnl/" + user + "/method")
                .then().statusCode(200).body("method", equalTo("LIFO"));
        ApiCalls.execution("kalshi", market + "-l1", user, market, "YES", "BUY", "10", "0.20", "0", t).statusCode(201);
        ApiCalls.execution("kalshi", market + "-l2", user, market, "YES", "BUY", "10", "0.50", "0", t.plusSeconds(1))
                .statusCode(201);
        ApiCalls.execution("kalshi", market + "-l3", user, market, "YES", "SELL", "10", "0.60", "0", t.plusSeconds(2))
                .statusCode(201);
        PnlRealized sale = PnlTopic.read(PnlRealized.class, p -> p.market().equals(market), 1, WAIT).get(0);
        assertThat(sale.method()).isEqualTo(CostBasisMethod.LIFO);
        assertThat(sale.costBasis()).isEqualByComparingTo("5"); // the 0.50 lot
        given().contentType("application/json").body(Map.of("method", "average"))
                .put("/api/v1/pnl/" + user + "/method").then().statusCode(400).body("errors[0].field",
                        equalTo("method"));
    }

    @Test
    void aFillPostedTwiceIsRecordedOnceAndAChangedCopyIsAConflict() {
        String user = "trader-" + UUID.randomUUID();
        ApiCalls.execution("kalshi", market + "-d1", user, market, "YES", "BUY", "5", "0.5", "0", t).statusCode(201)
                .body("status", equalTo("recorded")).body("executionId", equalTo("kalshi:" + market + "-d1"));
        ApiCalls.execution("kalshi", market + "-d1", user, market, "YES", "BUY", "5", "0.5", "0", t).statusCode(200)
                .body("status", equalTo("duplicate"));
        ApiCalls.execution("kalshi", market + "-d1", user, market, "YES", "BUY", "5", "0.51", "0", t)
                .statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/executions/" + user).then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void refusesBadExecutionsNamingTheField() {
        ApiCalls.execution("kalshi", "x", "u", market, "YES", "BUY", "0", "0.5", "0", t).statusCode(400)
                .body("errors[0].field", equalTo("shares"));
        ApiCalls.execution("kalshi", "x", "u", market, "YES", "HOLD", "1", "0.5", "0", t).statusCode(400)
                .body("errors[0].field", equalTo("side"));
        ApiCalls.execution("kalshi", "x", "u", market, "YES", "BUY", "1", "-0.5", "0", t).statusCode(400)
                .body("errors[0].field", equalTo("price"));
        ApiCalls.execution(" ", "x", "u", market, "YES", "BUY", "1", "0.5", "0", t).statusCode(400)
                .body("errors[0].field", equalTo("venue"));
        given().contentType("application/json").body("{\"venue\":\"kalshi\",\"shares\":\"lots\"}")
                .post("/api/v1/executions").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("shares"));
        given().get("/api/v1/leaderboard?window=monthly").then().statusCode(400)
                .body("errors[0].field", equalTo("window"));
    }

    @Test
    void leaderboardWindowsCountOnlyTheirDays() {
        Instant now = Instant.now();
        String today = "today-" + UUID.randomUUID();
        String threeDaysAgo = "3d-" + UUID.randomUUID();
        String tenDaysAgo = "10d-" + UUID.randomUUID();
        roundTrip(today, now.minusSeconds(5), "0.90"); // +5 (10 x (0.90 - 0.40))
        roundTrip(threeDaysAgo, now.minus(Duration.ofDays(3)), "0.80"); // +4
        roundTrip(tenDaysAgo, now.minus(Duration.ofDays(10)), "0.10"); // -3
        // The board is current as soon as the realization is committed.
        List<String> daily = board("daily");
        List<String> weekly = board("weekly");
        List<String> all = board("all");
        assertThat(daily).contains(today).doesNotContain(threeDaysAgo, tenDaysAgo);
        assertThat(weekly).contains(today, threeDaysAgo).doesNotContain(tenDaysAgo);
        assertThat(all).contains(today, threeDaysAgo, tenDaysAgo);
        assertThat(all.indexOf(today)).isLessThan(all.indexOf(threeDaysAgo));
        assertThat(all.indexOf(threeDaysAgo)).isLessThan(all.indexOf(tenDaysAgo));
        var entry = given().get("/api/v1/leaderboard?window=weekly&limit=1000").then().statusCode(200).extract()
                .jsonPath().getMap("entries.find { it.user == '" + today + "' }");
        assertThat(new java.math.BigDecimal(entry.get("pnl").toString())).isEqualByComparingTo("5");
        assertThat(entry.get("trades")).isEqualTo(2);
        assertThat(new java.math.BigDecimal(entry.get("winRate").toString())).isEqualByComparingTo("1");
    }

    private void roundTrip(String user, Instant at, String sellPrice) {
        ApiCalls.execution("kalshi", user + "-buy", user, market, "YES", "BUY", "10", "0.40", "0", at)
                .statusCode(201);
        ApiCalls.execution("kalshi", user + "-sell", user, market, "YES", "SELL", "10", sellPrice, "0",
                at.plusSeconds(1)).statusCode(201);
    }

    private static List<String> board(String window) {
        return given().get("/api/v1/leaderboard?window=" + window + "&limit=1000").then().statusCode(200)
                .body("window", equalTo(window)).extract().jsonPath().getList("entries.user", String.class);
    }
}
