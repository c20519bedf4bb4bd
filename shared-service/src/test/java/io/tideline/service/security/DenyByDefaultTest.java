package io.tideline.service.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

/**
 * The permission matrix of shared-service's security: who may call a route of each class (read, trade, configure),
 * which credentials are refused and how (401 vs 403, problem+json), and what stays open (signed webhooks, health).
 */
@QuarkusTest
@WithTestResource(TrustedTestTokens.class)
class DenyByDefaultTest {

    static Stream<String> refusedCredentials() {
        return Stream.of(
                TestTokens.NONE,
                "Bearer not-a-jwt",
                "Basic YWRtaW46YWRtaW4=",
                "Bearer " + TestTokens.token(Roles.ADMIN).signedByStranger().sign(),
                "Bearer " + TestTokens.token(Roles.ADMIN).expired().sign(),
                "Bearer " + TestTokens.token(Roles.ADMIN).issuer("someone-else").sign(),
                "Bearer " + TestTokens.token(Roles.ADMIN).audience("another-api").sign());
    }

    @ParameterizedTest
    @MethodSource("refusedCredentials")
    void refusesAMissingOrInvalidCredentialWith401(String authorization) {
        given().header("Authorization", authorization)
                .when().get("/test/security").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("instance", equalTo("/test/security"))
                .body("detail", not(containsString("expired")));
        given().header("Authorization", authorization)
                .when().post("/test/security/configure").then()
                .statusCode(401);
    }

    @Test
    void aViewerReadsButNeitherTradesNorConfigures() {
        String viewer = TestTokens.bearer(Roles.VIEWER);
        given().header("Authorization", viewer).when().get("/test/security").then().statusCode(200);
        given().header("Authorization", viewer).when().post("/test/security/trade").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
        given().header("Authorization", viewer).when().post("/test/security/configure").then().statusCode(403);
    }

    @Test
    void aTraderReadsAndTradesButDoesNotConfigure() {
        String trader = TestTokens.bearer(Roles.TRADER);
        given().header("Authorization", trader).when().get("/test/security").then().statusCode(200);
        given().header("Authorization", trader).when().post("/test/security/trade").then()
                .statusCode(200).body(equalTo("traded"));
        given().header("Authorization", trader).when().post("/test/security/configure").then().statusCode(403);
    }

    @Test
    void anAdminMayDoEverything() {
        String admin = TestTokens.bearer(Roles.ADMIN);
        given().header("Authorization", admin).when().get("/test/security").then().statusCode(200);
        given().header("Authorization", admin).when().post("/test/security/trade").then().statusCode(200);
        given().header("Authorization", admin).when().post("/test/security/configure").then()
                .statusCode(200).body(equalTo("configured"));
    }

    @Test
    void aTokenWithNoKnownRoleIsForbiddenEverywhere() {
        String stranger = TestTokens.bearer("guest");
        given().header("Authorization", stranger).when().get("/test/security").then().statusCode(403);
    }

    @Test
    void aRouteThatNamesNoRoleIsRefusedEvenToAnAdmin() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).when().get("/test/forgotten").then()
                .statusCode(403);
        given().header("Authorization", TestTokens.NONE).when().get("/test/forgotten").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestTokens.NONE, "Bearer not-a-jwt"})
    void aSignedWebhookRouteIsOpenWhateverTheAuthorizationHeader(String authorization) {
        given().header("Authorization", authorization).when().post("/test/security/signed-webhook").then()
                .statusCode(200).body(equalTo("received"));
    }

    @Test
    void healthIsOpenAndTheRestOfQNeedsAToken() {
        given().header("Authorization", TestTokens.NONE).when().get("/q/health/live").then().statusCode(200);
        given().header("Authorization", TestTokens.NONE).when().get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", TestTokens.NONE).when().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", TestTokens.NONE).when().get("/q/openapi").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.VIEWER)).when().get("/q/metrics").then()
                .statusCode(200);
    }

    /**
     * A page on another site can make a browser send a bodiless or form POST with the victim's cookies, but never an
     * Authorization header: with bearer tokens only (no cookie session) and no CORS, such a request is refused.
     */
    @Test
    void aCrossSiteFormPostCannotTriggerAnOperation() {
        given().header("Authorization", TestTokens.NONE)
                .header("Origin", "https://evil.example")
                .cookie("session", "stolen")
                .contentType("application/x-www-form-urlencoded")
                .when().post("/test/security/trade").then()
                .statusCode(401);
        given().header("Authorization", TestTokens.NONE)
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/test/security/trade").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
