package io.tideline.pnl.poller;

import io.tideline.testing.alchemy.AlchemyPayloads;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.TradeSide;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.pnl.flow.PnlTestResources;
import io.tideline.pnl.flow.PnlTopic;
import io.tideline.pnl.flow.PolymarketChain;
import io.tideline.testing.TestChain;
import io.tideline.testing.TidelineTestResources;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The fallback poller against a real chain (the local Hardhat node with ERC-20 collateral, ERC-1155 outcome shares and
 * an exchange settling both in one transaction): a trade the webhooks missed in part is found by eth_getLogs, read as
 * one execution, and the part a webhook did deliver is not counted twice; a second scan finds nothing new.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PnlTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FallbackPollerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CONFIRMATIONS = 2;
    private static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    @Test
    void findsTheTransfersTheWebhooksMissedAndDedupesTheOnesTheyDelivered() {
        Config config = ConfigProvider.getConfig();
        PolymarketChain chain = PolymarketChain.attach(
                config.getValue("tideline.pnl.polymarket.conditional-tokens", String.class),
                config.getValue("test.chain.exchange", String.class));
        String trader = chain.trader();
        String seller = chain.counterparty();
        BigInteger tokenId = new BigInteger(96, new Random()).add(BigInteger.TWO.pow(128));
        chain.prepare(trader, seller, tokenId, BigInteger.valueOf(100_000_000), BigInteger.valueOf(1_000_000_000));
        // The trader buys 100 shares for 45 USDC and pays 0.9 USDC fee, in one transaction.
        TransactionReceipt trade = chain.trade(trader, seller, tokenId, BigInteger.valueOf(100_000_000),
                BigInteger.valueOf(45_000_000), PnlTestResources.FEE_RECIPIENT, BigInteger.valueOf(900_000));
        String tx = trade.getTransactionHash().toLowerCase();

        // Alchemy delivered only the USDC payment (the fee and the shares never came).
        Log payment = trade.getLogs().stream().filter(l -> l.getAddress().equalsIgnoreCase(chain.collateral())
                && l.getTopics().get(0).equals(TRANSFER) && l.getTopics().get(2).endsWith(seller.substring(2)))
                .findFirst().orElseThrow();
        byte[] delivery = AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(),
                Instant.now(), AlchemyPayloads.usdc(tx, payment.getLogIndex().intValueExact(), trader, seller,
                        chain.collateral(), 45_000_000));
        given().header("X-Alchemy-Signature", AlchemyPayloads.sign(delivery, PnlTestResources.SIGNING_KEY))
                .contentType("application/json").body(delivery).post("/api/v1/webhooks/alchemy").then()
                .statusCode(200);
        assertThat(PnlTopic.read(WalletActivityReceived.class, a -> a.txHash().equals(tx), 1, WAIT)).hasSize(1);

        TestChain.shared().mine(CONFIRMATIONS); // the poller reads blocks with 2 confirmations
        var scan = given().post("/api/v1/webhooks/fallback-poll").then().statusCode(200)
                .body("trigger", equalTo("manual")).extract().jsonPath();
        assertThat(scan.getLong("toBlock")).isGreaterThanOrEqualTo(trade.getBlockNumber().longValueExact());
        assertThat(scan.getInt("newActivities")).isGreaterThanOrEqualTo(2);

        List<ExecutionUnmatched> executions = PnlTopic.read(ExecutionUnmatched.class,
                e -> tx.equals(e.executionId().split(":")[1]), 1, WAIT);
        assertThat(executions).singleElement().satisfies(e -> {
            assertThat(e.user()).isEqualTo(trader);
            assertThat(e.side()).isEqualTo(TradeSide.BUY);
            assertThat(e.shares()).isEqualByComparingTo("100");
            assertThat(e.price()).isEqualByComparingTo("0.45");
            assertThat(e.fee()).isEqualByComparingTo("0.9");
            assertThat(e.market()).isEqualTo("ctf:" + tokenId);
        });
        // Payment (from the webhook), fee and shares (from the poller): each once.
        List<WalletActivityReceived> activities = PnlTopic.read(WalletActivityReceived.class,
                a -> a.txHash().equals(tx), 4, Duration.ofSeconds(5));
        assertThat(activities).hasSize(3);
        assertThat(activities).extracting(WalletActivityReceived::webhookId)
                .containsExactly(PnlTestResources.WEBHOOK, FallbackPoller.WEBHOOK_ID, FallbackPoller.WEBHOOK_ID);

        given().post("/api/v1/webhooks/fallback-poll").then().statusCode(200)
                .body("deliveries", equalTo(0)).body("newActivities", equalTo(0));
        assertThat(PnlTopic.read(ExecutionUnmatched.class, e -> tx.equals(e.executionId().split(":")[1]), 2,
                Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void leavesTheBlocksWithoutEnoughConfirmationsToALaterScan() {
        Config config = ConfigProvider.getConfig();
        PolymarketChain chain = PolymarketChain.attach(
                config.getValue("tideline.pnl.polymarket.conditional-tokens", String.class),
                config.getValue("test.chain.exchange", String.class));
        String trader = chain.trader();
        BigInteger tokenId = new BigInteger(96, new Random()).add(BigInteger.TWO.pow(140));
        chain.prepare(trader, chain.counterparty(), tokenId, BigInteger.valueOf(10_000_000),
                BigInteger.valueOf(100_000_000));
        TransactionReceipt trade = chain.trade(trader, chain.counterparty(), tokenId, BigInteger.valueOf(10_000_000),
                BigInteger.valueOf(3_000_000), PnlTestResources.FEE_RECIPIENT, BigInteger.valueOf(30_000));
        String tx = trade.getTransactionHash().toLowerCase();
        long head = TestChain.shared().blockNumber();
        assertThat(head).isEqualTo(trade.getBlockNumber().longValueExact());

        // The trade is at the head: a block that may still be reorganised away is not read yet.
        given().post("/api/v1/webhooks/fallback-poll").then().statusCode(200)
                .body("toBlock", equalTo((int) (head - CONFIRMATIONS)));
        assertThat(PnlTopic.read(ExecutionUnmatched.class, e -> tx.equals(e.executionId().split(":")[1]), 1,
                Duration.ofSeconds(3))).isEmpty();

        TestChain.shared().mine(CONFIRMATIONS);
        given().post("/api/v1/webhooks/fallback-poll").then().statusCode(200)
                .body("toBlock", equalTo((int) head));
        assertThat(PnlTopic.read(ExecutionUnmatched.class, e -> tx.equals(e.executionId().split(":")[1]), 1, WAIT))
                .singleElement().satisfies(e -> assertThat(e.price()).isEqualByComparingTo("0.3"));
    }
}
