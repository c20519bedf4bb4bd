package io.tideline.pnl.flow;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.messaging.tx.Transactions;
import io.tideline.pnl.webhook.WebhookInbox;
import io.tideline.testing.TidelineTestResources;
import io.tideline.testing.alchemy.AlchemyPayloads;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Load shedding at the webhook door, on the real service and database: with the inbox left unprocessed, deliveries
 * are taken until the pending ones pass the bound, then refused with 503 problem+json and Retry-After, and a refused
 * delivery is not stored; the backlog view counts what was shed.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SheddingPnlResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IngressSheddingTest {

    private static final String PATH = "/api/v1/webhooks/alchemy";
    /** Not a desk wallet: whoever processes these deliveries later finds nothing of the desk's in them. */
    private static final String STRANGER = "0x00000000000000000000000000000000000000f9";
    private static final String USDC = "0x2791bca1f2de4661ed88a30c99a7a9449aa84174";

    @Inject
    Transactions transactions;

    @Test
    void shedsDeliveriesOnceTheInboxBacklogPassesTheBoundAndStoresNoneOfThem() throws Exception {
        List<String> accepted = new ArrayList<>();
        String shedId = null;
        io.restassured.response.Response shed = null;
        // the backlog is read when a delivery arrives and decides for the next ones: a few are taken past the bound
        for (int i = 0; i < 20 && shed == null; i++) {
            String id = AlchemyPayloads.deliveryId();
            io.restassured.response.Response answer = post(id);
            if (answer.statusCode() == 200) {
                accepted.add(id);
                Thread.sleep(50);
            } else {
                shed = answer;
                shedId = id;
            }
        }
        assertThat(shed).as("a delivery is shed once more than 2 are pending").isNotNull();
        assertThat(pending()).as("the bound was passed before shedding began").isGreaterThan(2);
        shed.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "9")
                .body("status", equalTo(503))
                .body("detail", containsString("deliveries not processed yet (the bound is 2)"));
        assertThat(stored(shedId)).as("a shed delivery is not stored").isZero();
        assertThat(stored(accepted.get(0))).isOne();

        // the same delivery sent again while the backlog is still there: refused again, still not stored
        post(shedId).then().statusCode(503);
        assertThat(stored(shedId)).isZero();
        given().get("/api/v1/webhooks/inbox").then().statusCode(200)
                .body("shedSinceStart", equalTo(2))
                .body("pending", equalTo((int) pending()));
    }

    private static io.restassured.response.Response post(String deliveryId) {
        byte[] body = AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, deliveryId, Instant.now(),
                AlchemyPayloads.usdc(AlchemyPayloads.txHash(), 0, STRANGER, PnlTestResources.EXCHANGE, USDC, 1));
        return given().header("X-Alchemy-Signature", AlchemyPayloads.sign(body, PnlTestResources.SIGNING_KEY))
                .contentType("application/json").body(body).post(PATH);
    }

    private long pending() {
        return transactions.reads().one("select count(*) from inbox where stream = $1 and processed_at is null"
                + " and set_aside_at is null", Tuple.of(WebhookInbox.STREAM), r -> r.getLong(0));
    }

    private long stored(String deliveryId) {
        return transactions.reads().one("select count(*) from inbox where stream = $1 and message_id = $2",
                Tuple.of(WebhookInbox.STREAM, deliveryId), r -> r.getLong(0));
    }
}
