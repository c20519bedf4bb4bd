package io.tideline.lp.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tideline.testing.TidelineTestResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every answer of the API is a record, so /q/openapi documents a schema for each success response with a body. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiDocumentTest {

    @Test
    void documentsASchemaForEverySuccessResponseWithABody() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> undocumented = new ArrayList<>();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/lp") && !path.getKey().startsWith("/api/v1/amm")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses =
                        (Map<String, Map<String, Object>>) ((Map<String, Object>) operation.getValue()).get("responses");
                boolean typed = responses.entrySet().stream()
                        .filter(r -> r.getKey().startsWith("2") && !r.getKey().equals("204"))
                        .allMatch(r -> String.valueOf(r.getValue().get("content")).contains("schema"));
                boolean answers = responses.keySet().stream().anyMatch(code -> code.startsWith("2"));
                if (!typed || !answers) {
                    undocumented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(undocumented).isEmpty();
        assertThat(doc.getMap("components.schemas")).containsKeys("PositionView", "FactView", "LpValued",
                "FollowerStatus", "Wallet", "WatchRequest", "PositionAmounts");
        assertThat(doc.getString("paths.'/api/v1/lp/positions'.get.responses.'200'.content.'application/json'"
                + ".schema.items.'$ref'")).endsWith("/PositionView");
        assertThat(doc.getString("paths.'/api/v1/lp/positions/{tokenId}/history'.get.responses.'200'.content"
                + ".'application/json'.schema.items.'$ref'")).endsWith("/FactView");
        assertThat(doc.getString("paths.'/api/v1/lp/wallets'.post.responses.'201'.content.'application/json'"
                + ".schema.'$ref'")).endsWith("/Wallet");
        assertThat(doc.getMap("components.schemas.PositionView.properties")).containsKeys("tokenId", "chainId",
                "positionManager", "key", "owner", "status", "pool", "token0", "token1", "fee", "tickLower", "tickUpper", "liquidity",
                "deposited0", "deposited1", "costToken1", "withdrawn0", "withdrawn1", "feesCollected0",
                "feesCollected1", "burned", "openedBlock", "closedBlock", "valuation");
    }
}
