package io.tideline.settlement.flow;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a test does through settlement's HTTP API, as the desk would: sessions, fills, the paper book, runs. Each test
 * uses its own session and pairs (the runs it starts are limited to its session), so tests never see each other.
 */
public final class Desk {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Desk() {
    }

    /** A pair no other test uses, e.g. {@code T1234567-USDC}. */
    public static String uniquePair() {
        return "T" + IDS.incrementAndGet() + "-USDC";
    }

    public static String uniqueSession() {
        return "s-" + UUID.randomUUID();
    }

    public static void session(String sessionId, String venue, List<String> pairs) {
        given().contentType(ContentType.JSON).body(Map.of("sessionId", sessionId, "venue", venue, "pairs", pairs,
                "startedAt", Instant.now().minusSeconds(24 * 3600).toString()))
                .when().post("/api/v1/sessions").then().statusCode(201);
    }

    /** A buy fill; returns its trade id. */
    public static String buy(String sessionId, String venue, String pair, String qty, String price, Instant at) {
        String tradeId = Long.toString(IDS.incrementAndGet());
        given().contentType(ContentType.JSON).body(Map.of("sessionId", sessionId, "pair", pair, "venue", venue,
                "orderId", "o" + tradeId, "tradeId", tradeId, "side", "BUY", "quantity", new BigDecimal(qty),
                "price", new BigDecimal(price), "fee", new BigDecimal("0.1"), "filledAt", at.toString()))
                .when().post("/api/v1/fills").then().statusCode(201);
        return tradeId;
    }

    public static void book(String pair, String bid, String ask) {
        given().contentType(ContentType.JSON).body(Map.of("pair", pair, "bid", new BigDecimal(bid), "ask",
                new BigDecimal(ask))).when().post("/api/v1/paper/prices").then().statusCode(204);
    }

    public static JsonPath run(String sessionId) {
        return given().contentType(ContentType.JSON).body(Map.of("sessionId", sessionId, "dryRun", false))
                .when().post("/api/v1/settlement/run").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath dryRun(String sessionId) {
        return given().contentType(ContentType.JSON).body(Map.of("sessionId", sessionId, "dryRun", true))
                .when().post("/api/v1/settlement/run").then().statusCode(200).extract().jsonPath();
    }

    /** The paper venue's orders of a pair, in any state. */
    public static List<Map<String, Object>> venueOrders(String pair) {
        return given().queryParam("pair", pair).when().get("/api/v1/paper/orders").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    public static List<Map<String, Object>> takeProfits(String sessionId, String state) {
        var request = given().queryParam("sessionId", sessionId);
        if (state != null) {
            request = request.queryParam("state", state);
        }
        return request.when().get("/api/v1/take-profits").then().statusCode(200).extract().jsonPath().getList("$");
    }
}
