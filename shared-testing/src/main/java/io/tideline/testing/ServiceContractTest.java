package io.tideline.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every Tideline service answers, whatever else it does (docs/architecture.md "HTTP"): liveness and readiness,
 * its OpenAPI document, Prometheus metrics, problem+json for an unknown resource, and no route of its API without a
 * token. A service's test extends it with {@code @QuarkusTest} and the {@link TidelineTestResources}.
 */
public abstract class ServiceContractTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Routes open to anyone, as {@code "POST /api/v1/..."} in the OpenAPI document's spelling: signed webhooks. */
    protected Set<String> openRoutes() {
        return Set.of();
    }

    @Test
    void isLiveAndReadyOnRealServers() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200).body("openapi", notNullValue());
    }

    @Test
    void everyRouteOfItsApiRefusesACallerWithoutAToken() {
        List<String> routes = routes();
        assumeFalse(routes.isEmpty(), "this service has no API routes yet");
        List<String> open = new ArrayList<>();
        for (String route : routes) {
            if (openRoutes().contains(route)) {
                continue;
            }
            Response answer = call(route, TestTokens.NONE);
            if (answer.statusCode() != 401 || !"Bearer".equals(answer.header("WWW-Authenticate"))) {
                open.add(route + " answered " + answer.statusCode() + " without a token");
            }
            answer = call(route, "Bearer " + TestTokens.token("guest").sign());
            if (answer.statusCode() != 403) {
                open.add(route + " answered " + answer.statusCode() + " to a token with no Tideline role");
            }
        }
        assertTrue(open.isEmpty(), "routes that do not refuse the caller:\n" + String.join("\n", open));
    }

    @Test
    void theRestOfQNeedsATokenButHealthDoesNot() {
        given().header("Authorization", TestTokens.NONE).get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", TestTokens.NONE).get("/q/metrics").then().statusCode(401);
        given().header("Authorization", TestTokens.NONE).get("/q/openapi").then().statusCode(401);
    }

    /** Every operation of the OpenAPI document, as {@code "METHOD /path"}. */
    @SuppressWarnings("unchecked")
    private static List<String> routes() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> routes = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains).sorted()
                .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
        return routes;
    }

    private static Response call(String route, String authorization) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
        var request = given().header("Authorization", authorization);
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(method, path);
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void answersAnUnknownResourceWithProblemJson() {
        given().accept(ContentType.JSON).when().get("/api/v1/no-such-resource").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
