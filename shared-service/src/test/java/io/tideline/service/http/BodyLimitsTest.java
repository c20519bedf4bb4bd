package io.tideline.service.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.service.security.TrustedTestTokens;
import org.junit.jupiter.api.Test;

/** A body larger than its route takes is refused 413 problem+json before it is read; a route may take more. */
@QuarkusTest
@WithTestResource(TrustedTestTokens.class)
class BodyLimitsTest {

    private static final String ORDER = "{\"market\":\"ETH-USD\",\"amount\":\"1\",\"price\":\"2500\"}";

    @Test
    void aBodyOverTheDefaultLimitIsRefusedWith413() {
        String big = "{\"market\":\"" + "x".repeat(70_000) + "\",\"amount\":\"1\",\"price\":\"1\"}";
        given().contentType("application/json").body(big).when().post("/test/orders")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("/test/orders takes at most 65536"));
        given().contentType("application/json").body(ORDER).when().post("/test/orders")
                .then().statusCode(200);
    }

    @Test
    void aRouteWithALimitOfItsOwnTakesMoreButNotWithoutBound() {
        String hundredKb = "[" + String.join(",", java.util.Collections.nCopies(2_000, ORDER)) + "]";
        given().contentType("application/json").body(hundredKb).when().post("/test/orders/bulk")
                .then().statusCode(200).body(equalTo("2000"));
        String threeHundredKb = "[" + String.join(",", java.util.Collections.nCopies(6_000, ORDER)) + "]";
        given().contentType("application/json").body(threeHundredKb).when().post("/test/orders/bulk")
                .then().statusCode(413).body("detail", containsString("takes at most 262144"));
    }

    @Test
    void theLimitIsCheckedBeforeTheCallerIsEvenAuthenticated() {
        given().header("Authorization", "none").contentType("application/json").body("x".repeat(70_000))
                .when().post("/test/orders").then().statusCode(413);
    }
}
