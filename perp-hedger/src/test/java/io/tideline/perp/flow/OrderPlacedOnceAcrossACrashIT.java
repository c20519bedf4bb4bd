package io.tideline.perp.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged perp-hedger is killed (SIGKILL) after the venue took its order and before it recorded anything: on
 * restart it finds the order under its external id instead of placing a second one. Exactly one order at the venue.
 */
class OrderPlacedOnceAcrossACrashIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final String ORDER_ID = "1834567890123456911";
    private static final String TRADE_ID = "1834567890123456912";

    private WireMockServer venue;
    private TestDatabase database;

    @BeforeEach
    void standIn() {
        venue = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        venue.start();
        database = TestDatabase.create();
        venue.stubFor(get(urlPathEqualTo("/api/v1/info/markets")).willReturn(okJson(ExtendedJson.market())));
        venue.stubFor(get(urlPathEqualTo("/api/v1/info/markets/ETH-USD/stats"))
                .willReturn(okJson(ExtendedJson.stats("2499.9", "2500.1"))));
        venue.stubFor(post(urlPathEqualTo("/api/v1/user/order")).willReturn(okJson(ExtendedJson.placed(ORDER_ID))));
        // The order is not visible yet (Extended is asynchronous): the service keeps looking it up.
        venue.stubFor(get(urlPathEqualTo("/api/v1/user/orders/" + ORDER_ID)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(ExtendedJson.error("1001", "Order not found"))));
        venue.stubFor(get(urlPathEqualTo("/api/v1/user/trades")).willReturn(okJson(ExtendedJson.trades())));
        venue.stubFor(get(urlPathMatching("/api/v1/user/orders/external/.*")).willReturn(okJson(
                ExtendedJson.orders())));
    }

    @AfterEach
    void tearDown() {
        venue.stop();
        database.drop();
    }

    @Test
    void killedBetweenPlacingAndRecordingItPlacesNoSecondOrder() {
        PositionRef position = LpEvents.position("9001");
        try (KafkaTestClient kafka = new KafkaTestClient(TestKafka.bootstrapServers())) {
            try (ServiceProcess first = ServiceProcess.start(env())) {
                await().atMost(START).until(() -> first.status("/q/health/ready") == 200);
                new LpEvents(kafka).minted(position, BigInteger.TEN.pow(18), BigInteger.valueOf(2_500_000_000L));
                await().atMost(Duration.ofSeconds(30)).until(() -> placed() == 1);
                first.kill();
            }
            // Meanwhile the venue has processed the order.
            String filled = ExtendedJson.orderObject(ORDER_ID, "SELL", "FILLED", "1.000", "1.000", "2500.00", "0.625");
            venue.stubFor(get(urlPathMatching("/api/v1/user/orders/external/.*")).willReturn(okJson(
                    ExtendedJson.orders(filled))));
            venue.stubFor(get(urlPathEqualTo("/api/v1/user/orders/" + ORDER_ID)).willReturn(okJson(
                    "{\"status\":\"OK\",\"data\":" + filled + "}")));
            venue.stubFor(get(urlPathEqualTo("/api/v1/user/trades")).willReturn(okJson(ExtendedJson.trades(
                    ExtendedJson.trade(TRADE_ID, ORDER_ID, "SELL", "2500.00", "1.000", "0.625")))));

            try (ServiceProcess second = ServiceProcess.start(env())) {
                await().atMost(START).until(() -> second.status("/q/health/ready") == 200);
                List<HedgeFilled> fills = kafka.read(Topics.PERP_HEDGES.name(), r -> position.key().equals(r.key())
                                && CODEC.decode(r.value()).payload() instanceof HedgeFilled, 1, Duration.ofSeconds(60))
                        .stream().map(r -> (HedgeFilled) CODEC.decode(r.value()).payload()).toList();
                assertThat(fills).as(second.output()).hasSize(1);
                assertThat(fills.get(0).orderId()).isEqualTo(ORDER_ID);
                assertThat(fills.get(0).fills()).extracting(f -> f.tradeId()).containsExactly(TRADE_ID);
                assertThat(placed()).as("orders placed at the venue").isEqualTo(1);
                assertThat(second.body("/api/v1/hedges?positionKey=" + position.key())).contains("\"status\":\"OPEN\"");
            }
        }
    }

    private int placed() {
        return venue.findAll(postRequestedFor(urlPathEqualTo("/api/v1/user/order"))).size();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("TIDELINE_PERP_VENUE", "extended");
        env.put("TIDELINE_PERP_EXTENDED_BASE_URL", "http://localhost:" + venue.port() + "/api/v1");
        env.put("TIDELINE_PERP_EXTENDED_API_KEY", "stand-in-api-key");
        env.put("TIDELINE_PERP_EXTENDED_SIGNER", "stand-in");
        env.put("TIDELINE_PERP_POOLS_0__POOL", ExtendedStandInResource.CHAIN_ID + ":" + ExtendedStandInResource.POOL);
        env.put("TIDELINE_PERP_POOLS_0__MARKET", "ETH-USD");
        env.put("TIDELINE_PERP_OWNERS", ExtendedStandInResource.DESK_WALLET);
        env.put("TIDELINE_PERP_POOLS_0__VOLATILE_TOKEN", "token0");
        env.put("TIDELINE_PERP_POOLS_0__STEP", "0.001");
        env.put("TIDELINE_PERP_EXECUTION_POLL_INTERVAL", "50ms");
        // Long enough lookups that the kill lands while the service still looks for its order.
        env.put("TIDELINE_PERP_EXECUTION_LOOKUP_ATTEMPTS", "20");
        env.put("TIDELINE_PERP_EXECUTION_LOOKUP_INTERVAL", "1s");
        env.put("TIDELINE_PERP_EXECUTION_SEND_LEASE", "2s");
        return env;
    }
}
