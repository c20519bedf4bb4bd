package io.tideline.gateway.ratelimit;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The trader bucket of the test profile holds 10 tokens and refills one every 5 s. */
@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitTest {

    @Test
    void aCallerWhoEmptiesItsBucketGets429WithRetryAfterWhileOthersGoOn() {
        String alice = bearer("alice-" + UUID.randomUUID(), "trader");
        for (int i = 0; i < 10; i++) {
            Response ok = retry(alice);
            assertThat(ok.statusCode()).as("request " + (i + 1)).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("10");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(Integer.toString(9 - i));
            assertThat(Long.parseLong(ok.header("RateLimit-Reset"))).isPositive();
        }
        Response refused = retry(alice);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 5L);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");

        // another caller, and the same caller's reads, have buckets of their own
        assertThat(retry(bearer("bob-" + UUID.randomUUID(), "trader")).statusCode()).isEqualTo(200);
        assertThat(given().header("Authorization", alice).get("/api/v1/hedges").statusCode()).isEqualTo(200);
    }

    private static Response retry(String bearer) {
        return given().header("Authorization", bearer).contentType("application/json").body("{}")
                .post("/api/v1/hedges/h-1/retry");
    }

    private static String bearer(String subject, String role) {
        Instant now = Instant.now();
        return "Bearer " + new TestTokens.Token(subject, role, TestTokens.ISSUER, TestTokens.AUDIENCE, now,
                now.plus(Duration.ofHours(1)), false).sign();
    }
}
