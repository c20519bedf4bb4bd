package io.tideline.pnl.flow;

import io.tideline.testing.alchemy.AlchemyPayloads;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.TradeSide;
import io.tideline.events.pnl.ExecutionMatched;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.testing.TidelineTestResources;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed Address Activity webhooks in, events out on Kafka: a Polymarket buy (USDC out, outcome shares in, a fee to
 * the fee collector) is one execution matched to the alert it followed; a sale realizes P&amp;L; the same transfer in
 * two deliveries counts once; a log removed by a reorg undoes the sale it belonged to.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PnlTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookToPnlTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration NOTHING_MORE = Duration.ofSeconds(3);

    private String ctf;
    private String usdc;
    private String market;
    private BigInteger tokenId;

    @BeforeEach
    void contracts() {
        ctf = ConfigProvider.getConfig().getValue("tideline.pnl.polymarket.conditional-tokens", String.class);
        usdc = ConfigProvider.getConfig().getValue("tideline.pnl.polymarket.collateral-tokens", String.class);
        market = "0xmarket-" + UUID.randomUUID();
        tokenId = new BigInteger(64, new java.util.Random()).add(BigInteger.TWO.pow(200));
    }

    @Test
    void polymarketBuyBecomesOneExecutionMatchedToItsAlert() {
        String wallet = PnlTestResources.Wallets.FLOW;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String alertId = "alert-" + UUID.randomUUID();
        createAlert(alertId, now.minus(Duration.ofMinutes(10)), tokenId);

        String tx = AlchemyPayloads.txHash();
        // 100 shares for 45 USDC (0.45 each), 0.9 USDC fee to the exchange's fee collector.
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now,
                AlchemyPayloads.usdc(tx, 10, wallet, PnlTestResources.EXCHANGE, usdc, 45_000_000),
                AlchemyPayloads.usdc(tx, 11, wallet, PnlTestResources.FEE_RECIPIENT, usdc, 900_000),
                AlchemyPayloads.shares(tx, 12, PnlTestResources.EXCHANGE, wallet, ctf, tokenId, 100_000_000)));

        List<WalletActivityReceived> activities = PnlTopic.read(WalletActivityReceived.class,
                a -> a.txHash().equals(tx), 3, WAIT);
        assertThat(activities).hasSize(3).allSatisfy(a -> assertThat(a.wallet()).isEqualTo(wallet));
        assertThat(activities).filteredOn(a -> "erc1155".equals(a.category())).singleElement()
                .satisfies(a -> assertThat(a.tokenId()).isEqualTo(tokenId.toString()));

        List<ExecutionMatched> matched = PnlTopic.read(ExecutionMatched.class, e -> e.market().equals(market), 1, WAIT);
        assertThat(matched).singleElement().satisfies(e -> {
            assertThat(e.alertId()).isEqualTo(alertId);
            assertThat(e.side()).isEqualTo(TradeSide.BUY);
            assertThat(e.outcome()).isEqualTo("YES");
            assertThat(e.shares()).isEqualByComparingTo("100");
            assertThat(e.price()).isEqualByComparingTo("0.45");
            assertThat(e.fee()).isEqualByComparingTo("0.9");
            assertThat(e.executionId()).isEqualTo("MATIC_MAINNET:" + tx + ":12:" + tokenId + ":" + wallet);
        });
        given().get("/api/v1/arbitrage-alerts/" + alertId).then().statusCode(200).body("executions", equalTo(1));
    }

    @Test
    void sameTransferInTwoDeliveriesCountsOnce() {
        String wallet = PnlTestResources.Wallets.DEDUPE;
        Instant now = Instant.now();
        String tx = AlchemyPayloads.txHash();
        ObjectNode pay = AlchemyPayloads.usdc(tx, 4, wallet, PnlTestResources.EXCHANGE, usdc, 20_000_000);
        ObjectNode get = AlchemyPayloads.shares(tx, 5, PnlTestResources.EXCHANGE, wallet, ctf, tokenId, 40_000_000);
        // Alchemy sends the USDC leg twice (two deliveries, two ids), the second time with the shares leg.
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now, pay));
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now, pay, get));

        assertThat(PnlTopic.read(WalletActivityReceived.class, a -> a.txHash().equals(tx), 3, Duration.ofSeconds(8)))
                .hasSize(2);
        List<ExecutionUnmatched> executions = PnlTopic.read(ExecutionUnmatched.class, e -> e.market().contains(
                tokenId.toString()), 2, NOTHING_MORE);
        assertThat(executions).singleElement().satisfies(e -> {
            assertThat(e.price()).isEqualByComparingTo("0.5");
            assertThat(e.market()).isEqualTo("ctf:" + tokenId); // a token no alert or setting named
        });
    }

    @Test
    void saleRealizesPnlAndARemovedLogUndoesIt() {
        String wallet = PnlTestResources.Wallets.REORG;
        createAlert("alert-" + UUID.randomUUID(), Instant.now().minus(Duration.ofMinutes(1)), tokenId);
        Instant now = Instant.now();
        String buy = AlchemyPayloads.txHash();
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now,
                AlchemyPayloads.usdc(buy, 1, wallet, PnlTestResources.EXCHANGE, usdc, 40_000_000),
                AlchemyPayloads.shares(buy, 2, PnlTestResources.EXCHANGE, wallet, ctf, tokenId, 100_000_000)));
        String sell = AlchemyPayloads.txHash();
        ObjectNode sharesOut = AlchemyPayloads.shares(sell, 7, wallet, PnlTestResources.EXCHANGE, ctf, tokenId,
                60_000_000);
        ObjectNode usdcIn = AlchemyPayloads.usdc(sell, 8, PnlTestResources.EXCHANGE, wallet, usdc, 36_000_000);
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now.plusSeconds(60),
                sharesOut, usdcIn));

        // 60 of 100 shares bought at 0.40 sold at 0.60: 36 - 24 = 12.
        List<PnlRealized> realized = PnlTopic.read(PnlRealized.class, p -> p.market().equals(market), 1, WAIT);
        assertThat(realized).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(PnlRealized.Reason.SELL);
            assertThat(p.quantity()).isEqualByComparingTo("60");
            assertThat(p.costBasis()).isEqualByComparingTo("24");
            assertThat(p.proceeds()).isEqualByComparingTo("36");
            assertThat(p.realizedPnl()).isEqualByComparingTo("12");
        });
        assertThat(number("/api/v1/pnl/" + wallet, "realized")).isEqualByComparingTo("12");
        assertThat(number("/api/v1/pnl/" + wallet, "positions[0].shares")).isEqualByComparingTo("40");

        // A reorg removes the sale's share transfer: the execution is retracted and its P&L reversed.
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now.plusSeconds(90),
                AlchemyPayloads.removed(sharesOut)));
        List<PnlRealized> after = PnlTopic.read(PnlRealized.class, p -> p.market().equals(market), 2, WAIT);
        assertThat(after).hasSize(2);
        assertThat(after.get(1).reason()).isEqualTo(PnlRealized.Reason.RETRACTED);
        assertThat(after.get(1).realizedPnl()).isEqualByComparingTo("-12");
        assertThat(PnlTopic.read(WalletActivityReceived.class, a -> a.txHash().equals(sell) && a.removed(), 1, WAIT))
                .singleElement().satisfies(a -> assertThat(a.logIndex()).isEqualTo(7));
        assertThat(number("/api/v1/pnl/" + wallet, "realized")).isEqualByComparingTo("0");
        assertThat(number("/api/v1/pnl/" + wallet, "positions[0].shares")).isEqualByComparingTo("100");
        given().get("/api/v1/executions/" + wallet).then().statusCode(200)
                .body("find { it.side == 'SELL' }.retracted", equalTo(true));
    }

    @Test
    void roundTripsOfManyWalletsInterleavedEachRealizeInTheirWalletsOrder() {
        List<String> wallets = PnlTestResources.Wallets.PARALLEL;
        int rounds = 5;
        Instant now = Instant.now();
        // every wallet buys 100 at 0.40, then every wallet sells them at 0.55, five times over: a sale read before
        // its buy would realize nothing and leave the buy's lot open
        for (int r = 0; r < rounds; r++) {
            for (String wallet : wallets) {
                String buy = AlchemyPayloads.txHash();
                post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now,
                        AlchemyPayloads.usdc(buy, 1, wallet, PnlTestResources.EXCHANGE, usdc, 40_000_000),
                        AlchemyPayloads.shares(buy, 2, PnlTestResources.EXCHANGE, wallet, ctf, tokenId,
                                100_000_000)));
            }
            for (String wallet : wallets) {
                String sale = AlchemyPayloads.txHash();
                post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now,
                        AlchemyPayloads.shares(sale, 1, wallet, PnlTestResources.EXCHANGE, ctf, tokenId,
                                100_000_000),
                        AlchemyPayloads.usdc(sale, 2, PnlTestResources.EXCHANGE, wallet, usdc, 55_000_000)));
            }
        }

        List<PnlRealized> realized = PnlTopic.read(PnlRealized.class, p -> p.outcome().equals(tokenId.toString()),
                wallets.size() * rounds, WAIT);
        assertThat(realized).hasSize(wallets.size() * rounds)
                .allSatisfy(p -> assertThat(p.realizedPnl()).isEqualByComparingTo("15"));
        for (String wallet : wallets) {
            assertThat(number("/api/v1/pnl/" + wallet, "realized")).as(wallet).isEqualByComparingTo("75");
            assertThat(given().get("/api/v1/executions/" + wallet).then().statusCode(200).extract().jsonPath()
                    .getList("$")).as(wallet).hasSize(2 * rounds);
        }
    }

    static BigDecimal number(String path, String field) {
        return new BigDecimal(given().get(path).then().statusCode(200).extract().jsonPath().getString(field));
    }

    private void createAlert(String alertId, Instant createdAt, BigInteger token) {
        given().contentType("application/json").body(Map.of("alertId", alertId, "expectedEdge", new BigDecimal("0.04"),
                        "createdAt", createdAt.toString(), "expiresAt", createdAt.plus(Duration.ofHours(6)).toString(),
                        "legs", List.of(
                                Map.of("venue", "polymarket", "market", market, "outcome", "YES", "side", "BUY",
                                        "expectedPrice", "0.45", "tokenId", token.toString()),
                                Map.of("venue", "kalshi", "market", "KX-" + market, "outcome", "NO", "side", "BUY",
                                        "expectedPrice", "0.50"))))
                .post("/api/v1/arbitrage-alerts").then().statusCode(201);
    }

    private static void post(byte[] body) {
        given().header("X-Alchemy-Signature", AlchemyPayloads.sign(body, PnlTestResources.SIGNING_KEY))
                .contentType("application/json").body(body).post("/api/v1/webhooks/alchemy").then().statusCode(200)
                .body("status", equalTo("accepted"));
    }
}
