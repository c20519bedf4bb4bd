package io.tideline.pnl.flow;

import io.tideline.testing.alchemy.AlchemyPayloads;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.TradeSide;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.messaging.tx.Transactions;
import io.tideline.pnl.execution.Execution;
import io.tideline.pnl.recording.ExecutionRecorder;
import io.tideline.pnl.webhook.WebhookInbox;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The issue "Hardening": each case as it went wrong before. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PnlTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HardeningTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WALLET = PnlTestResources.Wallets.HARDENING;

    @Inject
    Transactions transactions;

    @Inject
    ExecutionRecorder recorder;

    private String ctf;
    private String usdc;
    private BigInteger token;

    @BeforeEach
    void contracts() {
        ctf = ConfigProvider.getConfig().getValue("tideline.pnl.polymarket.conditional-tokens", String.class);
        usdc = ConfigProvider.getConfig().getValue("tideline.pnl.polymarket.collateral-tokens", String.class);
        token = new BigInteger(64, new Random()).add(BigInteger.TWO.pow(230));
    }

    @Test
    void aTokenIdRepeatedInOneErc1155LogCountsOnceWithTheSumAndTheDeliveryIsNotSetAside() {
        String id = AlchemyPayloads.deliveryId();
        String tx = AlchemyPayloads.txHash();
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, id, Instant.now(),
                AlchemyPayloads.usdc(tx, 1, WALLET, PnlTestResources.EXCHANGE, usdc, 45_000_000),
                AlchemyPayloads.sharesBatch(tx, 2, PnlTestResources.EXCHANGE, WALLET, ctf,
                        new BigInteger[] {token, token}, new long[] {60_000_000, 40_000_000})));

        assertThat(PnlTopic.read(ExecutionUnmatched.class, e -> e.executionId().contains(tx), 1, WAIT))
                .singleElement().satisfies(e -> {
                    assertThat(e.shares()).isEqualByComparingTo("100");
                    assertThat(e.price()).isEqualByComparingTo("0.45");
                });
        assertThat(PnlTopic.read(WalletActivityReceived.class, a -> a.txHash().equals(tx) && a.tokenId() != null, 2,
                Duration.ofSeconds(3))).singleElement()
                .satisfies(a -> assertThat(a.rawValue()).isEqualTo(BigInteger.valueOf(100_000_000)));
        Boolean processedNotSetAside = transactions.reads().one("select processed_at is not null and set_aside_at"
                + " is null from inbox where stream = $1 and message_id = $2", Tuple.of(WebhookInbox.STREAM, id),
                r -> r.getBoolean(0));
        assertThat(processedNotSetAside).isTrue();
    }

    @Test
    void aSaleMinedAgainAtTheSameLogIndexAfterAReorgIsRecordedAgain() {
        Instant now = Instant.now();
        String buy = AlchemyPayloads.txHash();
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now,
                AlchemyPayloads.usdc(buy, 1, WALLET, PnlTestResources.EXCHANGE, usdc, 40_000_000),
                AlchemyPayloads.shares(buy, 2, PnlTestResources.EXCHANGE, WALLET, ctf, token, 100_000_000)));
        String sell = AlchemyPayloads.txHash();
        String firstBlock = "0x" + "c1".repeat(32);
        String secondBlock = "0x" + "c2".repeat(32);
        ObjectNode sharesOut = AlchemyPayloads.inBlock(AlchemyPayloads.shares(sell, 7, WALLET,
                PnlTestResources.EXCHANGE, ctf, token, 60_000_000), firstBlock);
        ObjectNode usdcIn = AlchemyPayloads.inBlock(AlchemyPayloads.usdc(sell, 8, PnlTestResources.EXCHANGE, WALLET,
                usdc, 36_000_000), firstBlock);
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now.plusSeconds(10),
                sharesOut, usdcIn));
        assertThat(PnlTopic.read(PnlRealized.class, p -> p.user().equals(WALLET) && p.outcome().equals(
                token.toString()), 1, WAIT)).hasSize(1);

        // The block is reorganised away, and the same transaction is mined again, at the same log indexes.
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now.plusSeconds(20),
                AlchemyPayloads.removed(sharesOut), AlchemyPayloads.removed(usdcIn)));
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now.plusSeconds(30),
                AlchemyPayloads.inBlock(sharesOut, secondBlock), AlchemyPayloads.inBlock(usdcIn, secondBlock)));

        List<PnlRealized> realized = PnlTopic.read(PnlRealized.class, p -> p.user().equals(WALLET)
                && p.outcome().equals(token.toString()), 3, WAIT);
        assertThat(realized).extracting(p -> p.reason() + " " + p.realizedPnl().stripTrailingZeros().toPlainString())
                .containsExactly("SELL 12", "RETRACTED -12", "SELL 12");
        assertThat(PnlTopic.read(ExecutionUnmatched.class, e -> e.executionId().contains(sell), 2, WAIT))
                .hasSize(2).allSatisfy(e -> assertThat(e.side()).isEqualTo(TradeSide.SELL));
        assertThat(ApiCalls.number("/api/v1/pnl/" + WALLET, "realized")).isEqualByComparingTo("12");
        assertThat(ApiCalls.number("/api/v1/pnl/" + WALLET, "positions.find { it.outcome == '" + token + "' }.shares"))
                .isEqualByComparingTo("40");
        given().get("/api/v1/executions/" + WALLET).then().statusCode(200)
                .body("find { it.executionId.contains('" + sell + "') }.retracted", equalTo(false));
    }

    @Test
    void oneUsersTradesInTwoBooksCommitOneAfterTheOther() throws Exception {
        String user = "serial-" + UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Two books of one user, on two days (so no daily-totals row is shared between them).
        Execution first = new Execution("kalshi:" + user + "-1", user, "kalshi", "M1-" + user, "YES", TradeSide.BUY,
                BigDecimal.TEN, new BigDecimal("0.4"), BigDecimal.ZERO, t.minus(Duration.ofDays(1)), null);
        Execution second = new Execution("kalshi:" + user + "-2", user, "kalshi", "M2-" + user, "YES",
                TradeSide.BUY, BigDecimal.TEN, new BigDecimal("0.5"), BigDecimal.ZERO, t, null);
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> transactions.execute(uow -> {
            recorder.record(uow, first, null);
            recorded.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(recorded.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> transactions.execute(uow ->
                recorder.record(uow, second, null)));
        Thread.sleep(1_500);
        assertThat(waiting).as("the user's second trade waits for the first one's commit").isNotDone();
        release.countDown();
        holding.get(20, TimeUnit.SECONDS);
        waiting.get(20, TimeUnit.SECONDS);

        await().atMost(WAIT).untilAsserted(() -> assertThat(PnlTopic.read(ExecutionUnmatched.class,
                e -> e.user().equals(user), 2, Duration.ofSeconds(5))).extracting(ExecutionUnmatched::executionId)
                .containsExactly(first.executionId(), second.executionId()));
    }

    private static void post(byte[] body) {
        given().header("X-Alchemy-Signature", AlchemyPayloads.sign(body, PnlTestResources.SIGNING_KEY))
                .contentType("application/json").body(body).post("/api/v1/webhooks/alchemy").then().statusCode(200)
                .body("status", equalTo("accepted"));
    }
}
