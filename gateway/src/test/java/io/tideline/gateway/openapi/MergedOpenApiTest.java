package io.tideline.gateway.openapi;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * The gateway's {@code /q/openapi} merged from its own routes and the upstreams' documents (a stand-in serves one
 * shaped like the services'; analytics is down).
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MergedOpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Set<String> ROLES = Set.of("viewer", "trader", "admin", "public");

    private Map<String, Object> document;

    @BeforeEach
    void readTheDocumentOnceTheUpstreamsAreRead() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> "current"
                .equals(merged().getString("'x-tideline-upstreams'.'lp-tracker'.status")));
        document = merged().getMap("$");
    }

    /** The merged document, read as a browser would: without a token. */
    private static JsonPath merged() {
        return given().header("Authorization", TestTokens.NONE).accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyOperationOfTheMergedDocumentNamesItsRole() {
        List<String> operations = new ArrayList<>();
        List<String> without = new ArrayList<>();
        paths().forEach((path, item) -> item.forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            operations.add(method.toUpperCase() + " " + path);
            Object role = ((Map<?, ?>) operation).get(UpstreamApi.ROLE);
            if (role == null || !ROLES.contains(role.toString())) {
                without.add(method.toUpperCase() + " " + path + " (" + role + ")");
            }
        }));
        assertThat(operations).contains("GET /api/v1/admin/keys", "POST /webhooks/alchemy",
                "GET /api/v1/lp/positions", "GET /api/v1/hedges/{hedgeId}", "POST /api/v1/settlement/run");
        assertThat(without).as("operations that do not name their role").isEmpty();
    }

    @Test
    void upstreamRoutesCarryTheTablesRoleAndOwnRoutesTheirResourcesRole() {
        assertThat(operation("/api/v1/lp/positions", "get").get(UpstreamApi.ROLE)).isEqualTo("viewer");
        assertThat(operation("/api/v1/settlement/run", "post").get(UpstreamApi.ROLE)).isEqualTo("trader");
        assertThat(operation("/api/v1/import/redis", "post").get(UpstreamApi.ROLE)).isEqualTo("admin");
        assertThat(operation("/api/v1/admin/keys", "get").get(UpstreamApi.ROLE)).isEqualTo("admin");
        assertThat(operation("/api/v1/admin/keys/{keyId}", "delete").get(UpstreamApi.ROLE)).isEqualTo("admin");
        assertThat(operation("/webhooks/alchemy", "post").get(UpstreamApi.ROLE)).isEqualTo("public");
        assertThat(operation("/api/v1/lp/positions", "get").get("tags")).isEqualTo(List.of("lp-tracker"));
    }

    @Test
    void everyOperationAuthenticatesTheGatewaysWaysAndAPublicOneNone() {
        assertThat(component("securitySchemes").keySet()).containsExactlyInAnyOrder("bearer", "apiKey");
        assertThat(component("securitySchemes").get("apiKey")).isEqualTo(Map.of("type", "apiKey", "in", "header",
                "name", "X-Api-Key", "description", "A machine's API key (tlk_...)"));
        List<Map<String, List<String>>> either = List.of(Map.of("bearer", List.of()), Map.of("apiKey", List.of()));
        assertThat(operation("/api/v1/hedges/{hedgeId}", "get").get("security")).isEqualTo(either);
        assertThat(operation("/api/v1/admin/keys", "post").get("security")).isEqualTo(either);
        assertThat(operation("/webhooks/alchemy", "post").get("security")).isEqualTo(List.of());
    }

    @Test
    void eachServicesSchemasKeepTheirOwnNamesAndEveryReferenceResolves() {
        Map<String, Object> schemas = component("schemas");
        assertThat(schemas).containsKeys("lp-tracker.Page", "lp-tracker.Position", "perp-hedger.Hedge",
                "perp-hedger.Page", "perp-hedger.Position", "ApiKey");
        assertThat(schemas.keySet()).noneMatch(name -> name.endsWith(".Unused") || name.endsWith(".MessagingState"));
        assertThat(given().header("Authorization", TestTokens.NONE).accept("application/json").get("/q/openapi")
                .jsonPath().getString("components.schemas.'perp-hedger.Hedge'.properties.page.'$ref'"))
                .isEqualTo("#/components/schemas/perp-hedger.Page");
        List<String> dangling = new ArrayList<>();
        Deque<Object> nodes = new ArrayDeque<>(List.of(document));
        while (!nodes.isEmpty()) {
            Object node = nodes.pop();
            if (node instanceof Map<?, ?> map) {
                if (map.get("$ref") instanceof String ref) {
                    String[] parts = ref.substring("#/components/".length()).split("/", 2);
                    if (!component(parts[0]).containsKey(parts[1])) {
                        dangling.add(ref);
                    }
                }
                nodes.addAll(map.values());
            } else if (node instanceof List<?> list) {
                nodes.addAll(list);
            }
        }
        assertThat(dangling).isEmpty();
    }

    @Test
    void aServiceThatIsDownIsMarkedAndTheOthersAreServed() {
        JsonPath merged = merged();
        assertThat(merged.getString("'x-tideline-upstreams'.analytics.status")).isEqualTo("unavailable");
        assertThat(merged.getString("'x-tideline-upstreams'.'perp-hedger'.status")).isEqualTo("current");
        assertThat(merged.getString("'x-tideline-upstreams'.'perp-hedger'.readAt")).isNotBlank();
        assertThat(merged.getString("info.description")).contains("analytics (unavailable)");
        assertThat(paths()).containsKey("/api/v1/hedges/{hedgeId}");
    }

    @Test
    void routesTheGatewayNeverForwardsAreLeftOut() {
        assertThat(paths()).doesNotContainKey("/api/v1/webhooks/alchemy");
        // the gateway's own messaging routes are its own, with their own schema
        assertThat(operation("/api/v1/messaging", "get").get("tags")).isNotEqualTo(List.of("pnl-ingest"));
    }

    @Test
    void theDocumentIsServedAsYamlToo() {
        given().header("Authorization", TestTokens.NONE).get("/q/openapi").then().statusCode(200)
                .body(containsString("x-tideline-role: trader"))
                .body(containsString("perp-hedger.Hedge"));
    }

    @Test
    void swaggerUiIsServedWithoutATokenAndReadsTheMergedDocument() {
        given().header("Authorization", TestTokens.NONE).redirects().follow(true).get("/q/swagger-ui/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/q/openapi"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> paths() {
        return (Map<String, Map<String, Object>>) document.get("paths");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> operation(String path, String method) {
        Map<String, Object> item = paths().get(path);
        assertThat(item).as(path).isNotNull();
        return (Map<String, Object>) item.get(method);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> component(String kind) {
        return (Map<String, Object>) ((Map<String, Object>) document.get("components")).getOrDefault(kind, Map.of());
    }
}
