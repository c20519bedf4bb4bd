package io.tideline.gateway.auth;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.testing.TestTokens;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call each class of route: no credential, a bad signature, an expired token, another issuer, too low a role,
 * an unknown and a revoked API key, a token's claims under another token's signature, and the roles that may —
 * through the gateway to a stand-in upstream, and at the gateway's own admin API.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthMatrixTest {

    @Inject
    JWTParser parser;

    /** One route of each class, with the least role it needs. */
    enum RouteClass {
        READ("GET", "/api/v1/lp/positions", "viewer"),
        TRADE("POST", "/api/v1/hedges/h-1/retry", "trader"),
        CONFIGURE("POST", "/api/v1/lp/wallets", "admin"),
        GATEWAY_ADMIN("GET", "/api/v1/admin/keys", "admin");

        final String method;
        final String path;
        final String least;

        RouteClass(String method, String path, String least) {
            this.method = method;
            this.path = path;
            this.least = least;
        }

        Response call(RequestSpecification request) {
            if (method.equals("POST")) {
                request.contentType("application/json").body("{}");
            }
            return request.request(method, path);
        }
    }

    private static final List<String> ROLES = List.of("viewer", "trader", "admin");

    @ParameterizedTest
    @EnumSource(RouteClass.class)
    void refusesEveryCallerWhoIsNotAuthenticatedWith401(RouteClass route) {
        Map<String, String> bad = Map.of(
                "no credential", TestTokens.NONE,
                "a bad signature", "Bearer " + TestTokens.token("admin").signedByStranger().sign(),
                "an expired token", "Bearer " + TestTokens.token("admin").expired().sign(),
                "another issuer", "Bearer " + TestTokens.token("admin").issuer("someone-else").sign(),
                "another audience", "Bearer " + TestTokens.token("admin").audience("elsewhere").sign(),
                "a malformed token", "Bearer not.a.token");
        bad.forEach((what, authorization) -> {
            Response answer = route.call(given().header("Authorization", authorization));
            assertThat(answer.statusCode()).as(route + " with " + what).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).as(route + " with " + what).isEqualTo("Bearer");
            assertThat(answer.contentType()).as(route + " with " + what).startsWith("application/problem+json");
        });
        Response unknownKey = route.call(given().header("Authorization", TestTokens.NONE)
                .header("X-Api-Key", ApiKeySecret.generate()));
        assertThat(unknownKey.statusCode()).as(route + " with an unknown API key").isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(RouteClass.class)
    void aTokenAllowsTheRoutesOfItsRoleAndRefusesTheOthersWith403(RouteClass route) {
        for (String role : List.of("guest", "viewer", "trader", "admin")) {
            Response answer = route.call(given().header("Authorization", TestTokens.bearer(role)));
            assertThat(answer.statusCode()).as(route + " as " + role).isEqualTo(allowed(route, role) ? 200 : 403);
            if (!allowed(route, role)) {
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RouteClass.class)
    void anApiKeyActsWithItsRoleUntilItIsRevoked(RouteClass route) {
        for (String role : ROLES) {
            Response made = given().contentType("application/json")
                    .body(Map.of("name", "matrix " + route + " " + role, "role", role))
                    .post("/api/v1/admin/keys");
            made.then().statusCode(201);
            String key = made.jsonPath().getString("key");
            String id = made.jsonPath().getString("apiKey.id");
            Response answer = route.call(given().header("Authorization", TestTokens.NONE).header("X-Api-Key", key));
            assertThat(answer.statusCode()).as(route + " with a " + role + " key")
                    .isEqualTo(allowed(route, role) ? 200 : 403);
            given().delete("/api/v1/admin/keys/" + id).then().statusCode(200);
            Response revoked = route.call(given().header("Authorization", TestTokens.NONE).header("X-Api-Key", key));
            assertThat(revoked.statusCode()).as(route + " with a revoked " + role + " key").isEqualTo(401);
        }
    }

    @Test
    void aTokenVerifiedOnceIsReusedButACopyWithOtherClaimsUnderItsSignatureIsRefused() {
        assertThat(parser).as("the bearer check's parser").isInstanceOf(CachingJwtParser.class);
        String viewer = TestTokens.token("viewer").sign();
        String admin = TestTokens.token("admin").sign();
        String forged = admin.substring(0, admin.lastIndexOf('.')) + viewer.substring(viewer.lastIndexOf('.'));
        for (int i = 0; i < 3; i++) {
            assertThat(RouteClass.READ.call(given().header("Authorization", "Bearer " + viewer)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(RouteClass.CONFIGURE.call(given().header("Authorization", "Bearer " + viewer)).statusCode())
                .isEqualTo(403);
        assertThat(RouteClass.CONFIGURE.call(given().header("Authorization", "Bearer " + forged)).statusCode())
                .as("admin claims under the viewer token's signature").isEqualTo(401);
    }

    private static boolean allowed(RouteClass route, String role) {
        return ROLES.contains(role) && ROLES.indexOf(role) >= ROLES.indexOf(route.least);
    }
}
