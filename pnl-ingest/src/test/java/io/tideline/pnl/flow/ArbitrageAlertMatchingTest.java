package io.tideline.pnl.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.pnl.ExecutionMatched;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.pnl.alert.AlertExpiry;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An execution is matched to the newest open alert on its market and outcome created within the 2 hours before it:
 * exactly 2 h matches, 2 h + 1 ms does not; an alert created after the execution or expired before it does not
 * either. Expired alerts are marked and, never followed, deleted after the retention.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PnlTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ArbitrageAlertMatchingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MovableClock clock;

    @Inject
    AlertExpiry expiry;

    private final String market = "KXRAIN-" + UUID.randomUUID();
    private final String user = "kalshi-acct-" + UUID.randomUUID();
    private final Instant t = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MILLIS);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void matchesAnExecutionExactlyTwoHoursAfterTheAlertButNotOneMillisecondLater() {
        ApiCalls.alert("edge-" + market, "kalshi", market, "YES", t, t.plus(Duration.ofHours(6))).statusCode(201);

        ApiCalls.execution("kalshi", "T-at-2h", user, market, "YES", "BUY", "10", "0.42", "0.05",
                t.plus(Duration.ofHours(2))).statusCode(201).body("alertId", equalTo("edge-" + market));
        ApiCalls.execution("kalshi", "T-after-2h", user, market, "YES", "BUY", "10", "0.42", "0.05",
                t.plus(Duration.ofHours(2)).plusMillis(1)).statusCode(201).body("alertId", nullValue());
        ApiCalls.execution("kalshi", "T-before", user, market, "YES", "BUY", "10", "0.42", "0.05",
                t.minusMillis(1)).statusCode(201).body("alertId", nullValue());
        ApiCalls.execution("kalshi", "T-other-outcome", user, market, "NO", "BUY", "10", "0.42", "0.05",
                t.plus(Duration.ofMinutes(1))).statusCode(201).body("alertId", nullValue());

        List<ExecutionMatched> matched = PnlTopic.read(ExecutionMatched.class, e -> e.market().equals(market), 1,
                WAIT);
        assertThat(matched).singleElement().satisfies(e -> {
            assertThat(e.executionId()).isEqualTo("kalshi:T-at-2h");
            assertThat(e.alertId()).isEqualTo("edge-" + market);
        });
        assertThat(PnlTopic.read(ExecutionUnmatched.class, e -> e.market().equals(market), 3, WAIT))
                .extracting(ExecutionUnmatched::executionId)
                .containsExactlyInAnyOrder("kalshi:T-after-2h", "kalshi:T-before", "kalshi:T-other-outcome");
    }

    @Test
    void matchesTheNewestOpenAlertAndNotOneExpiredBeforeTheExecution() {
        ApiCalls.alert("old-" + market, "kalshi", market, "YES", t, t.plus(Duration.ofHours(6))).statusCode(201);
        ApiCalls.alert("new-" + market, "kalshi", market, "YES", t.plus(Duration.ofMinutes(30)),
                t.plus(Duration.ofMinutes(40))).statusCode(201);
        ApiCalls.execution("kalshi", "N1", user, market, "YES", "BUY", "1", "0.4", "0", t.plus(Duration.ofMinutes(35)))
                .statusCode(201).body("alertId", equalTo("new-" + market));
        // The newer alert expired at +40 min: at +50 min the older one (still open) is the newest open alert.
        ApiCalls.execution("kalshi", "N2", user, market, "YES", "BUY", "1", "0.4", "0", t.plus(Duration.ofMinutes(50)))
                .statusCode(201).body("alertId", equalTo("old-" + market));
    }

    @Test
    void expiredAlertsAreMarkedAndThoseNeverFollowedAreDeletedAfterTheRetention() {
        Instant now = clock.instant();
        String followed = "followed-" + market;
        String ignored = "ignored-" + market;
        ApiCalls.alert(followed, "kalshi", market, "YES", now.minusSeconds(60), now.plusSeconds(60)).statusCode(201);
        ApiCalls.alert(ignored, "kalshi", market, "NO", now.minusSeconds(60), now.plusSeconds(60)).statusCode(201);
        ApiCalls.execution("kalshi", "F1", user, market, "YES", "BUY", "1", "0.4", "0", now).statusCode(201)
                .body("alertId", equalTo(followed));
        long convertedBefore = given().get("/api/v1/arbitrage-alerts/stats").then().extract().jsonPath()
                .getLong("converted");

        clock.advance(Duration.ofMinutes(5));
        expiry.expire();
        given().get("/api/v1/arbitrage-alerts/" + ignored).then().statusCode(200).body("status", equalTo("EXPIRED"));
        given().get("/api/v1/arbitrage-alerts/" + followed).then().statusCode(200).body("status", equalTo("EXPIRED"))
                .body("executions", equalTo(1));

        clock.advance(Duration.ofDays(31));
        expiry.expire();
        given().get("/api/v1/arbitrage-alerts/" + ignored).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/arbitrage-alerts/" + followed).then().statusCode(200);
        assertThat(given().get("/api/v1/arbitrage-alerts/stats").then().statusCode(200).extract().jsonPath()
                .getLong("converted")).isEqualTo(convertedBefore);
    }

    @Test
    void statsCountAlertsAndTheirConversion() {
        var before = given().get("/api/v1/arbitrage-alerts/stats").then().statusCode(200).extract().jsonPath();
        ApiCalls.alert("s1-" + market, "kalshi", market, "YES", t, t.plus(Duration.ofHours(6))).statusCode(201);
        ApiCalls.alert("s2-" + market, "kalshi", market + "-b", "YES", t, t.plus(Duration.ofHours(6)))
                .statusCode(201);
        ApiCalls.execution("kalshi", "S1", user, market, "YES", "BUY", "1", "0.4", "0", t.plusSeconds(1))
                .statusCode(201);
        ApiCalls.execution("kalshi", "S2", user, market, "YES", "BUY", "1", "0.4", "0", t.plusSeconds(2))
                .statusCode(201);
        var after = given().get("/api/v1/arbitrage-alerts/stats").then().statusCode(200).extract().jsonPath();
        assertThat(after.getLong("alerts") - before.getLong("alerts")).isEqualTo(2);
        assertThat(after.getLong("converted") - before.getLong("converted")).isEqualTo(1);
        assertThat(after.getLong("executionsMatched") - before.getLong("executionsMatched")).isEqualTo(2);
    }

    @Test
    void refusesBadAlertsNamingTheField() {
        Map<String, Object> leg = Map.of("venue", "kalshi", "market", market, "outcome", "YES", "side", "BUY",
                "expectedPrice", "0.4");
        String created = t.toString();
        String expires = t.plusSeconds(60).toString();
        post(Map.of("expectedEdge", "0.1", "createdAt", created, "expiresAt", expires, "legs", List.of()))
                .statusCode(400).body("errors[0].field", equalTo("legs"));
        post(Map.of("expectedEdge", "0.1", "createdAt", created, "expiresAt", created, "legs", List.of(leg)))
                .statusCode(400).body("errors[0].field", equalTo("expiresAt"));
        post(Map.of("createdAt", created, "expiresAt", expires, "legs", List.of(leg)))
                .statusCode(400).body("errors[0].field", equalTo("expectedEdge"));
        post(Map.of("expectedEdge", "0.1", "expiresAt", expires, "createdAt", created, "legs", List.of(
                Map.of("venue", "kalshi", "market", market, "outcome", "YES", "side", "HOLD", "expectedPrice", "1"))))
                .statusCode(400).body("errors[0].field", equalTo("legs[0].side"));
        post(Map.of("expectedEdge", "0.1", "expiresAt", expires, "createdAt", created, "legs", List.of(
                Map.of("venue", "polymarket", "market", market, "outcome", "YES", "side", "BUY",
                        "expectedPrice", "1", "tokenId", "0xabc"))))
                .statusCode(400).body("errors[0].field", equalTo("legs[0].tokenId"));
        post(Map.of("alertId", "dup-" + market, "expectedEdge", "0.1", "createdAt", created, "expiresAt", expires,
                "legs", List.of(leg))).statusCode(201);
        post(Map.of("alertId", "dup-" + market, "expectedEdge", "0.1", "createdAt", created, "expiresAt", expires,
                "legs", List.of(leg))).statusCode(409).body("detail", containsString("exists"));
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/v1/arbitrage-alerts").then();
    }
}
