package io.tideline.pnl.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tideline.pnl.flow.PnlTestResources;
import io.tideline.testing.TidelineTestResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every answer of the API is a record, so /q/openapi documents a schema for each success response. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PnlTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiDocumentTest {

    @Test
    void documentsASchemaForEverySuccessResponse() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                operations++;
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses =
                        (Map<String, Map<String, Object>>) ((Map<String, Object>) operation.getValue()).get("responses");
                boolean typed = responses.entrySet().stream().filter(r -> r.getKey().startsWith("2"))
                        .anyMatch(r -> String.valueOf(r.getValue().get("content")).contains("schema"));
                if (!typed) {
                    undocumented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(12);
        assertThat(undocumented).isEmpty();
        assertThat(doc.getMap("components.schemas")).containsKeys("UserPnl", "ExecutionView", "AlertView",
                "AlertStats", "Leaderboard", "Receipt", "Backlog", "MethodView", "Result", "Scan");
        for (String created : List.of("'/api/v1/executions'", "'/api/v1/arbitrage-alerts'",
                "'/api/v1/markets/resolutions'")) {
            assertThat(doc.getString("paths." + created + ".post.responses.'201'.content.'application/json'"
                    + ".schema.'$ref'")).as(created).isNotNull();
        }
        assertThat(doc.getString("paths.'/api/v1/executions'.post.responses.'200'.content.'application/json'"
                + ".schema.'$ref'")).endsWith("/ExecutionView");
    }
}
