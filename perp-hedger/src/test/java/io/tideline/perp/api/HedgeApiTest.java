package io.tideline.perp.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.perp.flow.PaperVenueResource;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input to the hedge and passthrough endpoints is a 4xx problem+json naming the field, and changes nothing. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PaperVenueResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HedgeApiTest {

    @Inject
    Transactions transactions;

    @Test
    void theCurrentHedgeOfEveryPositionComesAPageAtATimeWhateverHowManyHedgesCameBefore() {
        // a chain id of their own, so that the positions of the other tests sort before these
        String run = "99999:0x" + UUID.randomUUID().toString().replace("-", "") + ":";
        String a = run + "1";
        String b = run + "2";
        String c = run + "3";
        UUID aClosed = UUID.randomUUID();
        UUID aLive = UUID.randomUUID();
        UUID bFailed = UUID.randomUUID();
        UUID cLive = UUID.randomUUID();
        transactions.execute(uow -> {
            insertHedge(uow, aClosed, a, "CLOSED", "2026-01-01T00:00:00Z");
            insertHedge(uow, aLive, a, "OPEN", "2026-01-02T00:00:00Z"); // the position minted again: its newest
            insertHedge(uow, bFailed, b, "FAILED", "2026-01-01T00:00:00Z");
            insertHedge(uow, cLive, c, "OPEN", "2025-06-01T00:00:00Z");
        });

        given().queryParam("after", run).queryParam("limit", 2).when().get("/api/v1/hedges/current").then()
                .statusCode(200)
                .body("positionKey", equalTo(List.of(a, b)))
                .body("hedgeId", equalTo(List.of(aLive.toString(), bFailed.toString())))
                .body("status", equalTo(List.of("OPEN", "FAILED")));
        given().queryParam("after", b).queryParam("limit", 2).when().get("/api/v1/hedges/current").then()
                .statusCode(200)
                .body("hedgeId", equalTo(List.of(cLive.toString())));
        given().queryParam("limit", 1001).when().get("/api/v1/hedges/current").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
    }

    private static void insertHedge(Sql uow, UUID hedgeId, String positionKey, String status, String createdAt) {
        uow.exec("insert into perp_hedge (hedge_id, position_key, owner, pool, market, volatile_token,"
                + " volatile_decimals, status, lp_state, target_qty, created_at) values ($1, $2,"
                + " '0x5b38da6a701c568545dcfcb03fcb875f56beddc4', '99999:0x4e68ccd3e89f51c3074ca5072bbac773960dfa36',"
                + " 'ETH-USD', '0xd31a59c85ae9d8edefec411d448f90841571b89c', 18, $3, 'OPEN', 1, $4)",
                Tuple.of(hedgeId, positionKey, status, OffsetDateTime.parse(createdAt)));
    }

    @Test
    void hedgeQueriesValidateTheirParameters() {
        given().queryParam("status", "HALF_OPEN").when().get("/api/v1/hedges").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().queryParam("limit", 0).when().get("/api/v1/hedges").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().when().get("/api/v1/hedges/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("hedgeId"));
        given().when().get("/api/v1/hedges/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().post("/api/v1/hedges/" + UUID.randomUUID() + "/retry").then().statusCode(404);
    }

    @Test
    void marketOrdersAreValidatedBeforeAnythingReachesTheVenue() {
        given().contentType("application/json").body("{\"market\":\"ETH-USD\",\"side\":\"SHORT\",\"quantity\":\"1\"}")
                .when().post("/api/v1/orders/market").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("side"));
        given().contentType("application/json").body("{\"market\":\"ETH-USD\",\"side\":\"SELL\",\"quantity\":\"-1\"}")
                .when().post("/api/v1/orders/market").then().statusCode(400)
                .body("errors[0].field", equalTo("quantity"));
        given().contentType("application/json").body("{\"market\":\"ETH-USD\",\"side\":\"SELL\",\"quantity\":\"lots\"}")
                .when().post("/api/v1/orders/market").then().statusCode(400)
                .body("errors[0].field", equalTo("quantity"));
        given().contentType("application/json").body("{\"side\":\"SELL\",\"quantity\":\"1\"}")
                .when().post("/api/v1/orders/market").then().statusCode(400)
                .body("errors[0].field", equalTo("market"));
        given().when().get("/api/v1/orders/12ab").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().when().get("/api/v1/trades").then().statusCode(400).body("errors[0].field", equalTo("market"));
    }

    @Test
    void theVenueAnswersThroughThePassthroughs() {
        // A market the paper venue has no price for: it cannot fill, and says so.
        given().contentType("application/json").body("{\"market\":\"BTC-USD\",\"side\":\"SELL\",\"quantity\":\"1\"}")
                .when().post("/api/v1/orders/market").then().statusCode(503)
                .body("detail", containsString("no price for BTC-USD"));
        given().when().get("/api/v1/orders/9007199254740993999").then().statusCode(404);
        given().queryParam("market", "BTC-USD").when().get("/api/v1/trades").then().statusCode(200)
                .body("size()", equalTo(0));
        given().when().get("/q/openapi").then().statusCode(200)
                .body(matchesPattern("(?s).*/api/v1/hedges/\\{hedgeId\\}/retry.*"));
    }
}
