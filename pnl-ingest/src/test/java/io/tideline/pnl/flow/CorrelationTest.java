package io.tideline.pnl.flow;

import io.tideline.testing.alchemy.AlchemyPayloads;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventIds;
import io.tideline.events.pnl.ExecutionMatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.messaging.kafka.Headers;
import io.tideline.testing.TidelineTestResources;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A webhook delivery starts a correlation: its WalletActivityReceived events carry the correlation id derived from the
 * delivery id, and the ExecutionMatched and PnlRealized it leads to are built from them, so they carry the same id (in
 * the envelope and in Kafka's {@code tideline.correlation-id} header); a later delivery starts a correlation of its own.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PnlTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CorrelationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WALLET = PnlTestResources.Wallets.LINEAGE;

    @Test
    void aDeliveryStartsTheCorrelationThatItsExecutionAndPnlCarry() {
        String ctf = ConfigProvider.getConfig().getValue("tideline.pnl.polymarket.conditional-tokens", String.class);
        String usdc = ConfigProvider.getConfig().getValue("tideline.pnl.polymarket.collateral-tokens", String.class);
        String market = "0xlineage-" + UUID.randomUUID();
        BigInteger token = new BigInteger(64, new Random()).add(BigInteger.TWO.pow(210));
        Instant now = Instant.now();
        given().contentType("application/json").body(Map.of("alertId", "lineage-" + market, "expectedEdge", "0.02",
                        "createdAt", now.minusSeconds(60).toString(), "expiresAt", now.plusSeconds(3600).toString(),
                        "legs", List.of(Map.of("venue", "polymarket", "market", market, "outcome", "YES", "side",
                                "BUY", "expectedPrice", "0.40", "tokenId", token.toString()))))
                .post("/api/v1/arbitrage-alerts").then().statusCode(201);

        String buyDelivery = AlchemyPayloads.deliveryId();
        String buy = AlchemyPayloads.txHash();
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, buyDelivery, now,
                AlchemyPayloads.usdc(buy, 1, WALLET, PnlTestResources.EXCHANGE, usdc, 40_000_000),
                AlchemyPayloads.shares(buy, 2, PnlTestResources.EXCHANGE, WALLET, ctf, token, 100_000_000)));
        String sellDelivery = AlchemyPayloads.deliveryId();
        String sell = AlchemyPayloads.txHash();
        post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, sellDelivery, now.plusSeconds(30),
                AlchemyPayloads.shares(sell, 3, WALLET, PnlTestResources.EXCHANGE, ctf, token, 50_000_000),
                AlchemyPayloads.usdc(sell, 4, PnlTestResources.EXCHANGE, WALLET, usdc, 30_000_000)));

        String buyChain = EventIds.of("pnl-delivery", buyDelivery).toString();
        String sellChain = EventIds.of("pnl-delivery", sellDelivery).toString();
        assertThat(buyChain).isNotEqualTo(sellChain);

        List<EventEnvelope<?>> activities = PnlTopic.envelopes(WalletActivityReceived.class,
                a -> a.txHash().equals(buy) || a.txHash().equals(sell), 4, WAIT);
        assertThat(activities).hasSize(4).allSatisfy(e -> assertThat(e.correlationId()).isEqualTo(
                ((WalletActivityReceived) e.payload()).txHash().equals(buy) ? buyChain : sellChain));

        List<ConsumerRecord<String, byte[]>> executions = PnlTopic.records(ExecutionMatched.class,
                e -> e.market().equals(market), 2, WAIT);
        assertThat(executions).hasSize(2);
        assertThat(executions).allSatisfy(r -> {
            EventEnvelope<?> e = PnlTopic.decode(r);
            String chain = ((ExecutionMatched) e.payload()).executionId().contains(buy) ? buyChain : sellChain;
            assertThat(e.correlationId()).isEqualTo(chain);
            assertThat(header(r, Headers.CORRELATION_ID)).isEqualTo(chain);
            assertThat(header(r, Headers.TRACEPARENT)).contains(chain.replace("-", ""));
        });

        List<ConsumerRecord<String, byte[]>> realized = PnlTopic.records(PnlRealized.class,
                p -> p.market().equals(market), 1, WAIT);
        assertThat(realized).singleElement().satisfies(r -> {
            EventEnvelope<?> e = PnlTopic.decode(r);
            assertThat(((PnlRealized) e.payload()).realizedPnl()).isEqualByComparingTo(new BigDecimal("10"));
            assertThat(e.correlationId()).isEqualTo(sellChain);
            assertThat(header(r, Headers.CORRELATION_ID)).isEqualTo(sellChain);
        });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void post(byte[] body) {
        given().header("X-Alchemy-Signature", AlchemyPayloads.sign(body, PnlTestResources.SIGNING_KEY))
                .contentType("application/json").body(body).post("/api/v1/webhooks/alchemy").then().statusCode(200)
                .body("status", equalTo("accepted"));
    }
}
