package io.tideline.service.problem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.service.security.TrustedTestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(TrustedTestTokens.class)
class ProblemMappersTest {

    @Test
    void echoesExactAmountsAsStrings() {
        given().contentType(ContentType.JSON)
                .body("{\"market\":\"ETH-USD\",\"amount\":\"1606938044258990275541962092341162602522202993782792835301376\","
                        + "\"price\":\"2500.50\"}")
                .when().post("/test/orders").then()
                .statusCode(200)
                .body(containsString("\"amount\":\"1606938044258990275541962092341162602522202993782792835301376\""))
                .body(containsString("\"price\":\"2500.50\""));
    }

    @Test
    void namesTheFieldThatFailsValidation() {
        given().contentType(ContentType.JSON)
                .body("{\"market\":\"\",\"amount\":\"1\",\"price\":\"1\"}")
                .when().post("/test/orders").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("order.market"));
    }

    @Test
    void namesTheFieldThatCannotBeRead() {
        given().contentType(ContentType.JSON)
                .body("{\"market\":\"ETH-USD\",\"amount\":\"12.5\",\"price\":\"1\"}")
                .when().post("/test/orders").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"))
                .body("detail", containsString("amount"));
    }

    @Test
    void reportsMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"market\":")
                .when().post("/test/orders").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("malformed JSON"));
    }

    @Test
    void namesTheInvalidQueryParameter() {
        given().queryParam("limit", 0).when().get("/test/orders").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void answersADomainNotFoundWithProblemJson() {
        given().when().get("/test/orders/42").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("order 42 does not exist"))
                .body("instance", equalTo("/test/orders/42"));
    }

    @Test
    void answersALoadSheddingRefusalWith503AndRetryAfter() {
        given().when().post("/test/orders/busy").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "7")
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body("detail", equalTo("too many orders are waiting; try again later"))
                .body("instance", equalTo("/test/orders/busy"));
    }
}
