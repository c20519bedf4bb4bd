package io.tideline.gateway.ingress;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries through the gateway to a real local HTTP server standing in for pnl-ingest (it echoes what it got). The
 * test profile: a budget of 20 refilled at 5/s, shedding above 100 pending, the backlog read at most every 100 ms.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookIngressTest {

    @AfterEach
    void noBacklog() throws Exception {
        setBacklog(0);
        Thread.sleep(4_100); // the budget fills up again
    }

    @Test
    void forwardsTheBodyByteForByteWithItsSignatureAndNoCredential() {
        byte[] body = ("{ \"webhookId\":\"wh_1\",  \"id\" : \"d-1\",\n\t\"event\":{\"note\":\"caf\u00e9 \\u00e9\","
                + " \"n\": 1.500e2 }}\r\n").getBytes(StandardCharsets.UTF_8);
        Response seen = given().header("Authorization", TestTokens.NONE)
                .header("X-Alchemy-Signature", "abc123").contentType("application/json").body(body)
                .post("/webhooks/alchemy");
        seen.then().statusCode(200);
        assertThat(seen.jsonPath().getString("path")).isEqualTo("/api/v1/webhooks/alchemy");
        assertThat(Base64.getDecoder().decode(seen.jsonPath().getString("body"))).isEqualTo(body);
        assertThat(seen.jsonPath().getString("headers.'x-alchemy-signature'")).isEqualTo("abc123");
        assertThat(seen.jsonPath().getString("headers.authorization")).isNull();
    }

    @Test
    void aBodyOverTheLimitIsRefused413BeforeItIsRead() {
        byte[] huge = new byte[4 * 1024 * 1024 + 1];
        given().header("Authorization", TestTokens.NONE).contentType("application/json").body(huge)
                .post("/webhooks/alchemy").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shedsWith503AndRetryAfterWhilePnlIngestsInboxIsBacklogged() throws Exception {
        setBacklog(5_000);
        await().untilAsserted(() -> {
            Response shed = deliver();
            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.header("Retry-After")).isEqualTo("30");
            assertThat(shed.jsonPath().getString("detail")).contains("pnl-ingest").contains("5000");
        });
        setBacklog(3);
        await().untilAsserted(() -> assertThat(deliver().statusCode()).isEqualTo(200));
    }

    @Test
    void deliveriesHaveABudgetOfTheirOwn() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> burst = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                burst.add(senders.submit(WebhookIngressTest::deliver));
            }
            int refused = 0;
            for (Future<Response> sent : burst) {
                Response answer = sent.get();
                if (answer.statusCode() == 429) {
                    refused++;
                    assertThat(answer.header("Retry-After")).isNotNull();
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                } else {
                    assertThat(answer.statusCode()).isEqualTo(200);
                }
            }
            assertThat(refused).as("a burst past the budget is refused").isPositive();
        } finally {
            senders.shutdownNow();
        }
        // a person's reads are not charged to the webhooks' budget
        given().get("/api/v1/leaderboard").then().statusCode(200);
    }

    private static Response deliver() {
        return given().header("Authorization", TestTokens.NONE).header("X-Alchemy-Signature", "sig")
                .contentType("application/json").body("{}").post("/webhooks/alchemy");
    }

    private static void setBacklog(long pending) throws Exception {
        String url = ConfigProvider.getConfig().getValue("tideline.gateway.upstreams.pnl-ingest.url", String.class);
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url + "/stand-in/backlog")).PUT(HttpRequest.BodyPublishers.ofString(
                        Long.toString(pending))).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(204);
    }
}
