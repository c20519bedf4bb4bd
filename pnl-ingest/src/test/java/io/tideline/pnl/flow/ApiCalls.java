package io.tideline.pnl.flow;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service's HTTP API as the tests call it. */
public final class ApiCalls {

    private ApiCalls() {
    }

    /** POST /api/v1/executions for an off-chain venue's fill. */
    public static ValidatableResponse execution(String venue, String tradeId, String user, String market, String outcome,
            String side, String shares, String price, String fee, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("venue", venue);
        body.put("tradeId", tradeId);
        body.put("user", user);
        body.put("market", market);
        body.put("outcome", outcome);
        body.put("side", side);
        body.put("shares", new BigDecimal(shares));
        body.put("price", new BigDecimal(price));
        body.put("fee", new BigDecimal(fee));
        body.put("executedAt", at.toString());
        return given().contentType("application/json").body(body).post("/api/v1/executions").then();
    }

    /** POST /api/v1/arbitrage-alerts with one leg. */
    public static ValidatableResponse alert(String alertId, String venue, String market, String outcome,
            Instant createdAt, Instant expiresAt) {
        return given().contentType("application/json").body(Map.of("alertId", alertId, "expectedEdge", "0.03",
                        "createdAt", createdAt.toString(), "expiresAt", expiresAt.toString(), "legs", List.of(Map.of(
                                "venue", venue, "market", market, "outcome", outcome, "side", "BUY",
                                "expectedPrice", "0.42"))))
                .post("/api/v1/arbitrage-alerts").then();
    }

    /** A decimal field of a GET answer, exactly. */
    public static BigDecimal number(String path, String field) {
        return new BigDecimal(given().get(path).then().statusCode(200).extract().jsonPath().getString(field));
    }
}
