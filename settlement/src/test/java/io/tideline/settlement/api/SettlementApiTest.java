package io.tideline.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tideline.settlement.flow.Desk;
import io.tideline.testing.TidelineTestResources;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input to settlement's API is a 4xx problem+json naming the field, and changes nothing; duplicates are said. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SettlementApiTest {

    @Test
    void aFillWithABadFieldIsRefusedNamingItAndNothingIsRecorded() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        Map<String, Object> good = fill(session, pair, "t-" + session);

        refuse(with(good, "quantity", null), "quantity");
        refuse(with(good, "quantity", "0"), "quantity");
        refuse(with(good, "price", "-1"), "price");
        refuse(with(good, "fee", "-0.01"), "fee");
        refuse(with(good, "price", "1.0000000000000000001"), "price");
        refuse(with(good, "side", "HOLD"), "side");
        refuse(with(good, "pair", "ethusdc"), "pair");
        refuse(with(good, "tradeId", " "), "tradeId");
        refuse(with(good, "filledAt", Instant.now().plusSeconds(3600).toString()), "filledAt");
        refuse(with(good, "sessionId", "no-such-session"), "sessionId");
        refuse(with(good, "venue", "okx"), "venue");
        given().contentType(ContentType.JSON).body("{\"sessionId\": ").when().post("/api/v1/fills").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(with(good, "quantity", "lots")).when().post("/api/v1/fills")
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(given().when().get("/api/v1/sessions/" + session).then().statusCode(200).extract().jsonPath()
                .getInt("session.fills")).as("fills recorded").isZero();
    }

    @Test
    void aDuplicateFillIsAcknowledgedAsSuchAndChangesNothing() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        Map<String, Object> fill = fill(session, pair, "dup-" + session);
        given().contentType(ContentType.JSON).body(fill).when().post("/api/v1/fills").then().statusCode(201)
                .body("duplicate", equalTo(false));
        // the same (venue, orderId, tradeId) with other figures is still the same fill: ignored
        given().contentType(ContentType.JSON).body(with(fill, "quantity", "9")).when().post("/api/v1/fills").then()
                .statusCode(200).body("duplicate", equalTo(true)).body("tradeId", equalTo("dup-" + session));
        given().when().get("/api/v1/sessions/" + session).then().statusCode(200).body("session.fills", equalTo(1));
        given().queryParam("sessionId", session).when().get("/api/v1/positions").then().statusCode(200)
                .body("[0].quantity", equalTo("1"));
    }

    @Test
    void sessionsAreValidatedAndKeepTheirVenue() {
        String session = Desk.uniqueSession();
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", session, "venue", "binance",
                "pairs", List.of("ETH-USDC", "btc-usdc"), "startedAt", "2026-11-30T10:00:00Z"));
        given().contentType(ContentType.JSON).body(with(body, "pairs", List.of("ETH-USDC", "ETHUSDC")))
                .when().post("/api/v1/sessions").then().statusCode(400).body("errors[0].field", equalTo("pairs[1]"));
        given().contentType(ContentType.JSON).body(with(body, "endedAt", "2026-11-30T09:00:00Z"))
                .when().post("/api/v1/sessions").then().statusCode(400).body("errors[0].field", equalTo("endedAt"));
        given().contentType(ContentType.JSON).body(with(body, "startedAt", null))
                .when().post("/api/v1/sessions").then().statusCode(400).body("errors[0].field", equalTo("startedAt"));
        given().contentType(ContentType.JSON).body(with(body, "sessionId", "has space"))
                .when().post("/api/v1/sessions").then().statusCode(400).body("errors[0].field", equalTo("sessionId"));
        given().when().get("/api/v1/sessions/" + session).then().statusCode(404)
                .contentType("application/problem+json");

        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/sessions").then().statusCode(201)
                .body("pairs", equalTo(List.of("BTC-USDC", "ETH-USDC"))).body("pairCount", equalTo(2));
        given().contentType(ContentType.JSON).body(with(body, "pairs", List.of("SOL-USDC"))).when()
                .post("/api/v1/sessions").then().statusCode(200).body("pairCount", equalTo(3));
        given().contentType(ContentType.JSON).body(with(body, "venue", "okx")).when().post("/api/v1/sessions")
                .then().statusCode(409).contentType("application/problem+json");
        given().when().get("/api/v1/sessions/" + session).then().statusCode(200)
                .body("session.venue", equalTo("binance"));
        given().contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/sessions/" + session + "/stop-loss/acknowledge").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/sessions/no-such/stop-loss/acknowledge").then().statusCode(404);
    }

    @Test
    void queriesRefuseBadParametersNamingThem() {
        given().queryParam("state", "OPENISH").when().get("/api/v1/take-profits").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        given().queryParam("limit", 0).when().get("/api/v1/take-profits").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("pair", "nope").when().get("/api/v1/positions").then().statusCode(400)
                .body("errors[0].field", equalTo("pair"));
        given().when().get("/api/v1/settlement/runs/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("runId"));
        given().when().get("/api/v1/settlement/runs/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().when().get("/api/v1/take-profits/tp-none").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("pair", "ETH-USDC", "bid", "10", "ask", "9"))
                .when().post("/api/v1/paper/prices").then().statusCode(400).body("errors[0].field", equalTo("ask"));
        given().contentType(ContentType.JSON).body(Map.of("sessionId", "bad id")).when()
                .post("/api/v1/settlement/run").then().statusCode(400).body("errors[0].field", equalTo("sessionId"));
    }

    @Test
    void statsAndHistoryAnswer() {
        given().when().get("/api/v1/stats").then().statusCode(200).body("sessions", org.hamcrest.Matchers
                .greaterThanOrEqualTo(0));
        given().when().get("/api/v1/settlement/runs").then().statusCode(200);
        given().queryParam("active", true).when().get("/api/v1/sessions").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentDescribesDuplicatesAndDryRuns() {
        given().accept(ContentType.JSON).when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/fills'.post.description", containsString("duplicate"))
                .body("paths.'/api/v1/fills'.post.responses.'200'.description", containsString("duplicate"))
                .body("paths.'/api/v1/settlement/run'.post.description", containsString("dryRun"));
    }

    @Test
    void theOpenApiDocumentGivesEveryAnswerATypedSchema() {
        var doc = given().accept(ContentType.JSON).when().get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.entrySet().stream().filter(r -> r.getKey().startsWith("2") && !r.getKey().equals("204"))
                    .forEach(r -> assertThat(String.valueOf(r.getValue().get("content")))
                            .as(method + " " + path + " " + r.getKey()).contains("schema"));
        }));
        assertThat(doc.getMap("components.schemas")).containsKeys("FillAccepted", "Session", "SessionDetail",
                "PairSummary", "SessionExposure", "PositionView", "TakeProfitOrder", "RunResult", "Stats",
                "ImportReport", "VenueOrder");
        assertThat(doc.getMap("components.schemas.TakeProfitOrder.properties")).containsKey("clientOrderId")
                .doesNotContainKey("fillLineage");
    }

    private static void refuse(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/fills").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    private static Map<String, Object> fill(String session, String pair, String tradeId) {
        Map<String, Object> fill = new HashMap<>();
        fill.put("sessionId", session);
        fill.put("pair", pair);
        fill.put("venue", "binance");
        fill.put("orderId", "o-" + tradeId);
        fill.put("tradeId", tradeId);
        fill.put("side", "BUY");
        fill.put("quantity", "1");
        fill.put("price", "100");
        fill.put("fee", "0.1");
        fill.put("filledAt", Instant.now().minusSeconds(60).toString());
        return fill;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
