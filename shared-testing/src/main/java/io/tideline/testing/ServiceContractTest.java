package io.tideline.testing;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every Tideline service answers, whatever else it does (ARCHITECTURE.md "HTTP"): liveness and readiness,
 * its OpenAPI document, Prometheus metrics, and problem+json for an unknown resource. A service's test extends it
 * with {@code @QuarkusTest} and the {@link TidelineTestResources}.
 */
public abstract class ServiceContractTest {

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
