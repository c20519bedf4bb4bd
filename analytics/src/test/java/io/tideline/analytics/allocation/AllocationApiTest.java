package io.tideline.analytics.allocation;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tideline.testing.TidelineTestResources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The allocation API over real HTTP: weights and dollar parts from posted return series, bad fields named. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AllocationApiTest {

    // mean 0 each; deviations orthogonal (covariance 0); a's volatility twice b's
    private static final List<Double> A = List.of(0.02, -0.02, 0.02, -0.02);
    private static final List<Double> B = List.of(0.01, 0.01, -0.01, -0.01);

    @Test
    void riskParityWeighsUncorrelatedPoolsByInverseVolatility() {
        given().contentType(ContentType.JSON).body(Map.of("method", "RISK_PARITY", "capital", "1000.00",
                        "pools", List.of(Map.of("pool", "a", "returns", A), Map.of("pool", "b", "returns", B))))
                .post("/api/v1/analytics/allocations")
                .then().statusCode(200)
                .body("pools[0].weight", equalTo("0.333333")).body("pools[1].weight", equalTo("0.666667"))
                .body("pools[0].amount", equalTo("333.33")).body("pools[1].amount", equalTo("666.67"))
                .body("pools[0].riskContribution", equalTo("0.500000"));
    }

    @Test
    void badFieldsAreProblemsNamingThem() {
        given().contentType(ContentType.JSON).body(Map.of("method", "KELLY", "capital", "1",
                        "pools", List.of(Map.of("pool", "a", "returns", A))))
                .post("/api/v1/analytics/allocations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("method"));
        given().contentType(ContentType.JSON).body(Map.of("method", "RISK_PARITY", "capital", "1",
                        "pools", List.of(Map.of("pool", "a", "returns", A),
                                Map.of("pool", "b", "returns", List.of(0.01, 0.02)))))
                .post("/api/v1/analytics/allocations")
                .then().statusCode(400).body("errors[0].field", equalTo("pools[1].returns"));
        given().contentType(ContentType.JSON).body(Map.of("method", "MEAN_VARIANCE", "capital", "1",
                        "pools", List.of(Map.of("pool", "flat", "returns", List.of(0.01, 0.01, 0.01)))))
                .post("/api/v1/analytics/allocations")
                .then().statusCode(400).body("errors[0].field", equalTo("pools"));
    }
}
