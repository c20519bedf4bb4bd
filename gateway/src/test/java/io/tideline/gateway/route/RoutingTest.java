package io.tideline.gateway.route;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Requests through the gateway to a real local HTTP server standing in for the services. */
@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoutingTest {

    @Test
    void forwardsPathQueryAndTheCallersTokenToTheOwner() {
        String bearer = TestTokens.bearer("viewer");
        given().urlEncodingEnabled(false).header("Authorization", bearer)
                .get("/api/v1/lp/positions?owner=0xAbC&limit=5&q=a%2Fb")
                .then().statusCode(200)
                .header("ETag", "\"v1\"")
                .header("X-Internal-Detail", nullValue())
                .body("method", equalTo("GET"))
                .body("path", equalTo("/api/v1/lp/positions"))
                .body("query", equalTo("owner=0xAbC&limit=5&q=a%2Fb"))
                .body("headers.authorization", equalTo(bearer));
    }

    @Test
    void forwardsTheBodyByteForByte() {
        byte[] body = "{\"amount\": 1.50,  \"note\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.UTF_8);
        Response answer = given().header("Authorization", TestTokens.bearer("trader"))
                .contentType("application/json").body(body)
                .post("/api/v1/hedges/h-1/retry");
        answer.then().statusCode(200).body("method", equalTo("POST")).body("path", equalTo("/api/v1/hedges/h-1/retry"));
        assertThat(Base64.getDecoder().decode(answer.jsonPath().getString("body"))).isEqualTo(body);
        assertThat(answer.jsonPath().getString("headers.'content-type'")).startsWith("application/json");
    }

    @Test
    void passesRequestAndCorrelationIdsAndMakesThemWhenMissing() {
        given().header("X-Request-Id", "req-1").header("X-Correlation-Id", "corr-1")
                .get("/api/v1/hedges")
                .then().statusCode(200)
                .header("X-Request-Id", "req-1").header("X-Correlation-Id", "corr-1")
                .body("headers.'x-request-id'", equalTo("req-1"))
                .body("headers.'x-correlation-id'", equalTo("corr-1"));
        Response made = given().get("/api/v1/hedges");
        String id = made.header("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(made.jsonPath().getString("headers.'x-request-id'")).isEqualTo(id);
        assertThat(made.jsonPath().getString("headers.'x-correlation-id'")).isEqualTo(id);
    }

    @Test
    void neverPassesCookiesOrApiKeysToAnUpstream() {
        given().header("Cookie", "session=secret").header("X-Forwarded-For", "10.0.0.1")
                .get("/api/v1/leaderboard")
                .then().statusCode(200)
                .body("headers.cookie", nullValue())
                .body("headers.'x-forwarded-for'", nullValue())
                .body("headers.'x-api-key'", nullValue());
    }

    @Test
    void anUpstreamThatIsDownIsA503NamingItAndTheOthersKeepWorking() {
        for (int i = 0; i < 12; i++) { // past the breaker's window: the breaker opens, the answer stays the same
            given().get("/api/v1/portfolio").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("upstream", equalTo(GatewayTestResources.DOWN))
                    .body("detail", containsString(GatewayTestResources.DOWN));
        }
        given().get("/api/v1/alerts").then().statusCode(200).body("path", equalTo("/api/v1/alerts"));
    }

    @Test
    void anUpstreamsOwnErrorIsPassedOnAsItIs() {
        given().get("/api/v1/stats").then().statusCode(500).contentType("application/problem+json")
                .body("title", equalTo("Internal Server Error"));
    }

    @Test
    void aPathNoServiceOwnsOrARouteNotInTheTableIs404ProblemJson() {
        given().get("/api/v1/nobody/here").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post("/api/v1/leaderboard")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("POST /api/v1/leaderboard"));
    }
}
