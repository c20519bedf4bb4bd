package io.tideline.pnl.ingest;

import io.tideline.testing.alchemy.AlchemyPayloads;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.messaging.inbox.Inbox;
import io.tideline.messaging.tx.Transactions;
import io.tideline.pnl.activity.AlchemyPayload;
import io.tideline.pnl.flow.PnlTestResources;
import io.tideline.pnl.flow.PnlTopic;
import io.tideline.pnl.webhook.WebhookInbox;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A delivery in the inbox whose body cannot be read (e.g. stored by an older version, or by hand) is set aside at
 * once with the field that is wrong, without retries, and the deliveries after it are processed as usual.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PnlTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnreadableDeliveryTest {

    private static final String USDC = "0x2791bca1f2de4661ed88a30c99a7a9449aa84174";

    @Inject
    Transactions transactions;

    @Inject
    Inbox inbox;

    @Test
    void anUnreadableDeliveryIsSetAsideAtOnceWithItsReasonAndTheNextOnesGoOn() {
        String bad = AlchemyPayloads.deliveryId();
        // stored as the webhook door stores what it cannot split by wallet: one message keyed by the webhook
        transactions.execute(uow -> inbox.accept(uow, WebhookInbox.STREAM, bad, PnlTestResources.WEBHOOK,
                AlchemyPayload.ADDRESS_ACTIVITY, "{\"webhookId\":\"" + PnlTestResources.WEBHOOK + "\",\"id\":\"" + bad
                        + "\",\"type\":\"ADDRESS_ACTIVITY\"}"));
        String good = AlchemyPayloads.deliveryId();
        String tx = AlchemyPayloads.txHash();
        byte[] body = AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, good, Instant.now(),
                AlchemyPayloads.usdc(tx, 2, PnlTestResources.Wallets.INGRESS, PnlTestResources.EXCHANGE, USDC, 7));
        given().header("X-Alchemy-Signature", AlchemyPayloads.sign(body, PnlTestResources.SIGNING_KEY))
                .contentType("application/json").body(body).post("/api/v1/webhooks/alchemy").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.setAside(transactions.reads(), WebhookInbox.STREAM,
                100).stream().anyMatch(m -> m.messageId().equals(bad)));
        assertThat(inbox.setAside(transactions.reads(), WebhookInbox.STREAM, 100))
                .filteredOn(m -> m.messageId().equals(bad)).singleElement().satisfies(m -> {
                    assertThat(m.attempts()).isZero();
                    assertThat(m.reason()).isEqualTo("createdAt: missing or not a string");
                });
        assertThat(PnlTopic.read(WalletActivityReceived.class, a -> a.txHash().equals(tx), 1, Duration.ofSeconds(20)))
                .singleElement().satisfies(a -> assertThat(a.webhookEventId()).isEqualTo(good));
        given().get("/api/v1/webhooks/inbox").then().statusCode(200)
                .body("recentSetAside.messageId", hasItem(bad));
    }
}
