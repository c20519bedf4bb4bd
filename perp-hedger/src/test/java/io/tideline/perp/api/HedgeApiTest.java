package io.tideline.perp.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.perp.flow.PaperVenueResource;
import io.tideline.testing.TidelineTestResources;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input to the hedge and passthrough endpoints is a 4xx problem+json naming the field, and changes nothing. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PaperVenueResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HedgeApiTest {

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
