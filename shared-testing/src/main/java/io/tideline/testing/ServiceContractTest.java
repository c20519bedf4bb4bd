package io.tideline.testing;

import io.restassured.http.ContentType;
import io.tideline.routes.RoutePattern;
import io.tideline.routes.RoutePermissions;
import io.tideline.routes.RouteRule;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every Tideline service answers, whatever else it does (docs/architecture.md "HTTP"): liveness and readiness,
 * its OpenAPI document, Prometheus metrics, problem+json for an unknown resource, no route of its API without a
 * token, and every route of its API in the platform's permission table with the role it requires. A service's test
 * extends it with {@code @QuarkusTest} and the {@link TidelineTestResources}.
 */
public abstract class ServiceContractTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Routes open to anyone, as {@code "POST /api/v1/..."} in the OpenAPI document's spelling: signed webhooks. */
    protected Set<String> openRoutes() {
        return Set.of();
    }

    /**
     * Whether the gateway forwards this service's API, so that its routes must be in the platform's permission table
     * ({@link RoutePermissions#PLATFORM}); false for the gateway itself.
     */
    protected boolean forwardedByTheGateway() {
        return true;
    }

    /** Whether {@code /q/openapi} is open to anyone (the gateway's merged document) rather than needing a token. */
    protected boolean openApiIsPublic() {
        return false;
    }

    @Test
    void everyRouteOfItsApiIsInThePlatformPermissionTableWithTheRoleItRequires() {
        assumeTrue(forwardedByTheGateway(), "the gateway's own routes are not forwarded");
        Map<String, Object> document = openApiDocument();
        RoutePermissions platform = new RoutePermissions(RoutePermissions.PLATFORM);
        List<String> wrong = new ArrayList<>();
        for (String route : routes(document)) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            String path = RoutePattern.pathOf(template);
            if (RoutePermissions.notForwarded(method, path)) {
                continue;
            }
            Optional<String> table = platform.requiredRole(method, path);
            Optional<String> own = leastRole(operation(document, method, template));
            if (table.isEmpty()) {
                wrong.add(route + " (requires " + own.orElse("no role") + "): no rule of RoutePermissions.PLATFORM"
                        + " covers it, so the gateway does not forward it (or add it to NOT_FORWARDED)");
            } else if (!table.equals(own)) {
                wrong.add(route + ": the table says " + table.get() + ", the service requires "
                        + own.orElse("no role"));
            }
        }
        assertTrue(wrong.isEmpty(), "routes the platform's permission table (shared-routes) gets wrong:\n"
                + String.join("\n", wrong));
    }

    /** The least Tideline role among the operation's security scopes (Quarkus writes {@code @RolesAllowed} there). */
    @SuppressWarnings("unchecked")
    private static Optional<String> leastRole(Map<String, Object> operation) {
        List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.getOrDefault("security",
                List.of());
        return security.stream().flatMap(requirement -> requirement.values().stream())
                .flatMap(List::stream).filter(RouteRule.ROLES::contains)
                .min(Comparator.comparingInt(RouteRule.ROLES::indexOf));
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
        List<String> routes = routes(openApiDocument());
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
        given().header("Authorization", TestTokens.NONE).get("/q/openapi").then()
                .statusCode(openApiIsPublic() ? 200 : 401);
    }

    /** Values no field should take: huge, out of range, wrong types, odd characters. */
    private static final List<Object> HOSTILE = List.of("x".repeat(70_000), "1E+600000000", "-1e30",
            "9".repeat(200), "\u0000\u202e<script>", "../../etc/passwd", -1, Long.MAX_VALUE, 1e308,
            List.of(List.of(List.of())), Map.of("a", "b"), true, "");

    @Test
    void hostileValuesAreAnswered4xxNever5xx() {
        Map<String, Object> document = openApiDocument();
        List<String> failures = new ArrayList<>();
        List<String> routes = routes(document);
        assumeFalse(routes.isEmpty(), "this service has no API routes yet");
        for (String route : routes) {
            if (openRoutes().contains(route)) {
                continue;
            }
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            Map<String, Object> operation = operation(document, method, template);
            if (streams(operation)) {
                continue; // a live stream answers and never ends: its parameters are checked by its own tests
            }
            List<String> queries = parameters(operation, "query");
            List<String> properties = bodyProperties(document, operation);
            String path = path(template);
            for (Object value : HOSTILE) {
                // in a URL a long value is cut to 2,000 characters: a longer request line is the HTTP server's to
                // refuse (414), and it closes the connection while the client is still writing
                String text = value instanceof String v ? v : String.valueOf(value);
                text = text.length() > 2_000 ? text.substring(0, 2_000) : text;
                if (template.contains("{")) {
                    String segment = URLEncoder.encode(text.isEmpty() ? "x" : text, StandardCharsets.UTF_8)
                            .replace("+", "%20");
                    check(failures, route, "path " + abbreviated(text), given().urlEncodingEnabled(false)
                            .request(method, template.replaceAll("\\{[^}]+}", Matcher.quoteReplacement(segment))));
                }
                for (String query : queries) {
                    check(failures, route, "?" + query + "=" + abbreviated(text),
                            given().queryParam(query, text).request(method, path));
                }
                for (String property : properties) {
                    check(failures, route, property + "=" + abbreviated(text), given().contentType(ContentType.JSON)
                            .body(Map.of(property, value)).request(method, path));
                }
            }
            if (!properties.isEmpty() || method.equals("POST")) {
                check(failures, route, "70 KB of JSON", given().contentType(ContentType.JSON)
                        .body("[" + "0,".repeat(35_000) + "0]").request(method, path));
                check(failures, route, "nested JSON", given().contentType(ContentType.JSON)
                        .body("[".repeat(5_000) + "]".repeat(5_000)).request(method, path));
                check(failures, route, "not JSON", given().contentType(ContentType.JSON).body("{\"a\":")
                        .request(method, path));
            }
        }
        assertTrue(failures.isEmpty(), "answers outside 4xx/2xx to hostile input:\n" + String.join("\n", failures));
    }

    /** Whether the route answers only with a server-sent-event stream. */
    @SuppressWarnings("unchecked")
    private static boolean streams(Map<String, Object> operation) {
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        if (responses == null) {
            return false;
        }
        return responses.values().stream().map(r -> (Map<String, Object>) ((Map<String, Object>) r).get("content"))
                .filter(java.util.Objects::nonNull)
                .anyMatch(content -> content.size() == 1 && content.containsKey("text/event-stream"));
    }

    private static void check(List<String> failures, String route, String input, Response answer) {
        int status = answer.statusCode();
        if (status >= 500 || status < 200 || status >= 300 && status < 400) {
            failures.add(route + " with " + input + " answered " + status + ": " + abbreviated(answer.asString()));
        } else if (status >= 400 && status != 414 && status != 431 // refused by the HTTP server before any route
                && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
            failures.add(route + " with " + input + " answered " + status + " without problem+json: "
                    + answer.contentType());
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " chars)" : text;
    }

    private static String path(String template) {
        return template.replaceAll("\\{[^}]+}", "1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operation(Map<String, Object> document, String method, String template) {
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        return (Map<String, Object>) ((Map<String, Object>) paths.get(template)).get(method.toLowerCase());
    }

    @SuppressWarnings("unchecked")
    private static List<String> parameters(Map<String, Object> operation, String in) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters",
                List.of());
        return parameters.stream().filter(p -> in.equals(p.get("in"))).map(p -> (String) p.get("name")).toList();
    }

    /** The top-level properties of the operation's JSON request body, following a {@code $ref}. */
    @SuppressWarnings("unchecked")
    private static List<String> bodyProperties(Map<String, Object> document, Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            return List.of();
        }
        Map<String, Object> content = (Map<String, Object>) body.get("content");
        Map<String, Object> json = content == null ? null : (Map<String, Object>) content.get("application/json");
        Map<String, Object> schema = json == null ? null : (Map<String, Object>) json.get("schema");
        if (schema != null && schema.get("$ref") instanceof String ref) {
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                    .get("schemas");
            schema = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        Map<String, Object> properties = schema == null ? null : (Map<String, Object>) schema.get("properties");
        return properties == null ? List.of() : List.copyOf(properties.keySet());
    }

    /** The service's OpenAPI document, as JSON. */
    private static Map<String, Object> openApiDocument() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }

    /** Every operation of the OpenAPI document, as {@code "METHOD /path"}. */
    @SuppressWarnings("unchecked")
    private static List<String> routes(Map<String, Object> document) {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
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
