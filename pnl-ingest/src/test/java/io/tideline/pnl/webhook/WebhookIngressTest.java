package io.tideline.pnl.webhook;

import io.tideline.testing.alchemy.AlchemyPayloads;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.messaging.tx.Transactions;
import io.tideline.pnl.flow.PnlTestResources;
import io.tideline.pnl.poller.FallbackPoller;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The webhook door: the signature is checked over the raw bytes before anything else, bad input is refused with a
 * problem naming the field, and nothing refused is stored; a replayed delivery id is acknowledged and not stored again.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PnlTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookIngressTest {

    private static final String PATH = "/api/v1/webhooks/alchemy";
    private static final String WALLET = PnlTestResources.Wallets.INGRESS;
    private static final String USDC = "0x2791bca1f2de4661ed88a30c99a7a9449aa84174";

    @Inject
    Transactions transactions;

    @Test
    void rejectsWebhookWithoutSignatureAndStoresNothing() {
        byte[] body = transfer(AlchemyPayloads.deliveryId());
        long before = inboxRows();
        given().contentType("application/json").body(body).post(PATH).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("X-Alchemy-Signature"));
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void rejectsWebhookWithBadSignatureAndStoresNothing() {
        byte[] body = transfer(AlchemyPayloads.deliveryId());
        long before = inboxRows();
        String wrongKey = AlchemyPayloads.sign(body, "not-the-key");
        given().header("X-Alchemy-Signature", wrongKey).contentType("application/json").body(body).post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
        // One byte changed after signing: the signature no longer covers the body.
        String signed = AlchemyPayloads.sign(body, PnlTestResources.SIGNING_KEY);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("0x3a2b1c", "0x3a2b1d")
                .getBytes(StandardCharsets.UTF_8);
        given().header("X-Alchemy-Signature", signed).contentType("application/json").body(tampered).post(PATH)
                .then().statusCode(401);
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void rejectsBodySignedWithAnotherWebhooksKey() {
        byte[] body = transfer(AlchemyPayloads.deliveryId());
        long before = inboxRows();
        given().header("X-Alchemy-Signature", AlchemyPayloads.sign(body, PnlTestResources.OTHER_KEY))
                .contentType("application/json").body(body).post(PATH).then().statusCode(401)
                .body("detail", containsString(PnlTestResources.OTHER_WEBHOOK));
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void acceptsUpperCaseHexSignature() {
        byte[] body = transfer(AlchemyPayloads.deliveryId());
        given().header("X-Alchemy-Signature", AlchemyPayloads.sign(body, PnlTestResources.SIGNING_KEY).toUpperCase())
                .contentType("application/json").body(body).post(PATH).then().statusCode(200)
                .body("status", equalTo("accepted"));
    }

    @Test
    void rejectsMalformedJsonNamingTheBody() {
        byte[] body = "{\"webhookId\": \"wh_tideline_test\", \"id\": ".getBytes(StandardCharsets.UTF_8);
        long before = inboxRows();
        signedPost(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void rejectsPayloadThatIsNotAddressActivity() {
        String body = new String(transfer(AlchemyPayloads.deliveryId()), StandardCharsets.UTF_8)
                .replace("ADDRESS_ACTIVITY", "NFT_ACTIVITY");
        signedPost(body.getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors[0].field", equalTo("type")).body("detail", containsString("ADDRESS_ACTIVITY"));
    }

    @Test
    void rejectsActivityWithoutHashNamingItsPath() {
        String body = new String(transfer(AlchemyPayloads.deliveryId()), StandardCharsets.UTF_8)
                .replace("\"hash\"", "\"hashh\"");
        signedPost(body.getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors[0].field", equalTo("event.activity[0].hash"));
    }

    @Test
    void acknowledgesAReplayedDeliveryWithoutStoringItAgain() {
        String id = AlchemyPayloads.deliveryId();
        byte[] body = transfer(id);
        signedPost(body).then().statusCode(200).body("status", equalTo("accepted")).body("deliveryId", equalTo(id))
                .body("activities", equalTo(1));
        long after = inboxRows();
        signedPost(body).then().statusCode(200).body("status", equalTo("duplicate"));
        assertThat(inboxRows()).isEqualTo(after);
        long rows = transactions.reads().one("select count(*) from inbox where stream = $1 and message_id = $2",
                Tuple.of(WebhookInbox.STREAM, id), r -> r.getLong(0));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void storesADeliveryOfTwoDeskWalletsOncePerWalletAndProcessesEach() {
        String id = AlchemyPayloads.deliveryId();
        String tx = AlchemyPayloads.txHash();
        String other = PnlTestResources.Wallets.SPLIT;
        byte[] body = AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, id, Instant.now(),
                AlchemyPayloads.usdc(tx, 4, WALLET, other, USDC, 2_500_000));

        signedPost(body).then().statusCode(200).body("status", equalTo("accepted")).body("activities", equalTo(1));
        signedPost(body).then().statusCode(200).body("status", equalTo("duplicate"));

        // one message per desk wallet, keyed by it, in the order of the addresses
        List<String> messages = transactions.reads().list("select message_id || ' ' || message_key from inbox"
                + " where stream = $1 and message_id like $2 order by id", Tuple.of(WebhookInbox.STREAM, id + "%"),
                r -> r.getString(0));
        assertThat(messages).containsExactly(id + "|" + WALLET + " " + WALLET, id + "|" + other + " " + other);
        // each message stands for its wallet's part: the transfer is stored once for each side
        await().atMost(Duration.ofSeconds(20)).until(() -> transactions.reads().one("select count(*) from inbox"
                + " where stream = $1 and message_id like $2 and processed_at is not null",
                Tuple.of(WebhookInbox.STREAM, id + "%"), r -> r.getLong(0)) == 2);
        assertThat(transactions.reads().list("select wallet from wallet_activity where tx_hash = $1 order by wallet",
                Tuple.of(tx), r -> r.getString(0))).containsExactly(WALLET, other);
    }

    private static io.restassured.response.Response signedPost(byte[] body) {
        return given().header("X-Alchemy-Signature", AlchemyPayloads.sign(body, PnlTestResources.SIGNING_KEY))
                .contentType("application/json").body(body).post(PATH);
    }

    private static byte[] transfer(String deliveryId) {
        return AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, deliveryId, Instant.now(),
                AlchemyPayloads.usdc(AlchemyPayloads.txHash(), 3, WALLET, PnlTestResources.EXCHANGE, USDC, 1_000_000));
    }

    private long inboxRows() {
        return transactions.reads().one("select count(*) from inbox where stream = $1 and message_key <> $2",
                Tuple.of(WebhookInbox.STREAM, FallbackPoller.WEBHOOK_ID), r -> r.getLong(0));
    }
}
