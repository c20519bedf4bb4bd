package io.tideline.perp.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.events.Topics;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.perp.HedgeClosed;
import io.tideline.events.perp.HedgeFailed;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.HedgeRequested;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * perp-hedger end to end: LP events in on Kafka, orders out to a stand-in speaking Extended's REST API (WireMock,
 * with the documented response shapes), hedge events out on Kafka, fills in the database and the API.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ExtendedStandInResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HedgeOnExtendedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final BigInteger WETH = BigInteger.TEN.pow(18);
    private static final BigInteger USDC = BigInteger.TEN.pow(6);
    /** Venue ids above 2^53: a double would round them. */
    private static final AtomicLong IDS = new AtomicLong(1_834_567_890_123_456_789L);
    private static final AtomicLong TOKEN_IDS = new AtomicLong(500);

    private static KafkaTestClient kafka;
    private static LpEvents lp;
    private static WireMock venue;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        lp = new LpEvents(kafka);
        venue = ExtendedStandInResource.client();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @BeforeEach
    void marketData() {
        venue.resetMappings();
        venue.resetRequests();
        venue.register(get(urlPathEqualTo("/api/v1/info/markets")).willReturn(okJson(ExtendedJson.market())));
        venue.register(get(urlPathEqualTo("/api/v1/info/markets/ETH-USD/stats"))
                .willReturn(okJson(ExtendedJson.stats("2499.9", "2500.1"))));
    }

    @Test
    void aMintIsHedgedByOneSellAndTheCloseBuysBackExactlyThatQuantity() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        String sellId = Long.toString(IDS.incrementAndGet());
        String buyId = Long.toString(IDS.incrementAndGet());
        String trade1 = Long.toString(IDS.incrementAndGet());
        String trade2 = Long.toString(IDS.incrementAndGet());
        String trade3 = Long.toString(IDS.incrementAndGet());
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).withRequestBody(matchingJsonPath("$.side",
                WireMock.equalTo("SELL"))).willReturn(okJson(ExtendedJson.placed(sellId))));
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).withRequestBody(matchingJsonPath("$.side",
                WireMock.equalTo("BUY"))).willReturn(okJson(ExtendedJson.placed(buyId))));
        venue.register(get(urlPathEqualTo("/api/v1/user/orders/" + sellId)).willReturn(okJson(
                ExtendedJson.order(sellId, "SELL", "FILLED", "1.500", "1.500", "2500.00", "0.9375"))));
        venue.register(get(urlPathEqualTo("/api/v1/user/orders/" + buyId)).willReturn(okJson(
                ExtendedJson.order(buyId, "BUY", "FILLED", "1.500", "1.500", "2400.00", "0.9"))));
        venue.register(get(urlPathEqualTo("/api/v1/user/trades")).willReturn(okJson(ExtendedJson.trades(
                ExtendedJson.trade(trade3, buyId, "BUY", "2400.00", "1.500", "0.9"),
                ExtendedJson.trade(trade2, sellId, "SELL", "2500.00", "0.500", "0.3125"),
                ExtendedJson.trade(trade1, sellId, "SELL", "2500.00", "1.000", "0.625")))));
        venue.register(get(urlPathEqualTo("/api/v1/user/positions")).willReturn(okJson(
                ExtendedJson.position("SHORT", "1.5"))));

        // 1.5 WETH deposited with WETH as the volatile token0: a 1.5 ETH short.
        lp.minted(position, WETH.multiply(BigInteger.valueOf(15)).divide(BigInteger.TEN), USDC.multiply(
                BigInteger.valueOf(3750)));
        HedgeFilled opened = single(position, HedgeFilled.class);
        assertThat(opened.orderId()).isEqualTo(sellId);
        assertThat(opened.side()).isEqualTo(TradeSide.SELL);
        assertThat(opened.filledQuantity()).isEqualByComparingTo("1.5");
        assertThat(opened.averagePrice()).isEqualByComparingTo("2500");
        assertThat(opened.fee()).isEqualByComparingTo("0.9375");
        assertThat(opened.fills()).extracting(f -> f.tradeId()).containsExactlyInAnyOrder(trade1, trade2);
        HedgeRequested requested = single(position, HedgeRequested.class);
        assertThat(requested.quantity()).isEqualByComparingTo("1.5");
        assertThat(requested.externalId()).isEqualTo(opened.externalId());

        List<LoggedRequest> sells = venue.find(postRequestedFor(urlPathEqualTo("/api/v1/user/order"))
                .withRequestBody(matchingJsonPath("$.side", WireMock.equalTo("SELL"))));
        assertThat(sells).hasSize(1);
        assertThat(sells.get(0).getHeader("X-Api-Key")).isEqualTo("stand-in-api-key");
        assertThat(sells.get(0).getBodyAsString()).contains("\"qty\":\"1.5\"").contains("\"id\":\""
                + opened.externalId() + "\"").contains("\"reduceOnly\":false").contains("\"timeInForce\":\"IOC\"");

        String openQty = given().queryParam("positionKey", position.key()).when().get("/api/v1/hedges").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("OPEN"))
                .extract().path("[0].openQty").toString();
        assertThat(new BigDecimal(openQty)).isEqualByComparingTo("1.5");

        lp.closed(position);
        HedgeClosed closed = single(position, HedgeClosed.class);
        assertThat(closed.orderId()).isEqualTo(buyId);
        assertThat(closed.closedQuantity()).isEqualByComparingTo("1.5");
        assertThat(closed.averagePrice()).isEqualByComparingTo("2400");
        assertThat(closed.realizedPnl()).isEqualByComparingTo("150"); // 1.5 x (2500 - 2400)
        assertThat(closed.fees()).isEqualByComparingTo("1.8375");
        List<LoggedRequest> buys = venue.find(postRequestedFor(urlPathEqualTo("/api/v1/user/order"))
                .withRequestBody(matchingJsonPath("$.side", WireMock.equalTo("BUY"))));
        assertThat(buys).hasSize(1);
        assertThat(buys.get(0).getBodyAsString()).contains("\"qty\":\"1.5\"").contains("\"reduceOnly\":true");
        assertThat(venue.find(getRequestedFor(urlPathEqualTo("/api/v1/user/positions")))).isNotEmpty();

        String hedgeId = closed.hedgeId();
        given().when().get("/api/v1/hedges/" + hedgeId).then().statusCode(200)
                .body("hedge.status", equalTo("CLOSED"))
                .body("orders", hasSize(2))
                .body("orders.state", org.hamcrest.Matchers.everyItem(equalTo("FILLED")))
                .body("fills.tradeId", org.hamcrest.Matchers.containsInAnyOrder(trade1, trade2, trade3))
                .body("orders[0].venueOrderId", equalTo(sellId));
    }

    @Test
    void aRejectedOrderFailsAtOnceIsListedAndCanBeRetriedByHand() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(ExtendedJson.error("1140", "Not enough funds to place the order"))));

        lp.minted(position, WETH, USDC.multiply(BigInteger.valueOf(2500)));
        HedgeFailed failed = single(position, HedgeFailed.class);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.reason()).contains("1140").contains("Not enough funds");
        assertThat(venue.find(postRequestedFor(urlPathEqualTo("/api/v1/user/order")))).hasSize(1);

        String hedgeId = failed.hedgeId();
        given().when().get("/api/v1/hedges/failed").then().statusCode(200)
                .body("findAll { it.order.hedgeId == '" + hedgeId + "' }", hasSize(1));
        given().when().get("/api/v1/hedges/" + hedgeId).then().body("hedge.status", equalTo("FAILED"));

        String orderId = Long.toString(IDS.incrementAndGet());
        String tradeId = Long.toString(IDS.incrementAndGet());
        venue.resetMappings();
        marketData();
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).willReturn(okJson(ExtendedJson.placed(orderId))));
        venue.register(get(urlPathEqualTo("/api/v1/user/orders/" + orderId)).willReturn(okJson(
                ExtendedJson.order(orderId, "SELL", "FILLED", "1.000", "1.000", "2501.00", "0.6"))));
        venue.register(get(urlPathEqualTo("/api/v1/user/trades")).willReturn(okJson(ExtendedJson.trades(
                ExtendedJson.trade(tradeId, orderId, "SELL", "2501.00", "1.000", "0.6")))));

        String retryExternalId = given().when().post("/api/v1/hedges/" + hedgeId + "/retry").then().statusCode(200)
                .body("generation", equalTo(1)).body("state", equalTo("REQUESTED"))
                .extract().path("externalId");
        assertThat(retryExternalId).isNotEqualTo(failed.externalId());
        HedgeFilled filled = single(position, HedgeFilled.class);
        assertThat(filled.externalId()).isEqualTo(retryExternalId);
        assertThat(filled.orderId()).isEqualTo(orderId);
        given().when().post("/api/v1/hedges/" + hedgeId + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void serverErrorsAreRetriedAndTheOrderIsLookedUpBeforeItIsSentAgain() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        String orderId = Long.toString(IDS.incrementAndGet());
        String tradeId = Long.toString(IDS.incrementAndGet());
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).inScenario("flaky").whenScenarioStateIs(
                Scenario.STARTED).willReturn(aResponse().withStatus(503).withBody("upstream unavailable"))
                .willSetStateTo("recovered"));
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).inScenario("flaky").whenScenarioStateIs(
                "recovered").willReturn(okJson(ExtendedJson.placed(orderId))));
        venue.register(get(urlPathMatching("/api/v1/user/orders/external/.*")).willReturn(okJson(
                ExtendedJson.orders())));
        // Found on the 3rd lookup by id.
        venue.register(get(urlPathEqualTo("/api/v1/user/orders/" + orderId)).inScenario("visible")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ExtendedJson.error("1001", "Order not found"))).willSetStateTo("miss2"));
        venue.register(get(urlPathEqualTo("/api/v1/user/orders/" + orderId)).inScenario("visible")
                .whenScenarioStateIs("miss2").willReturn(aResponse().withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ExtendedJson.error("1001", "Order not found"))).willSetStateTo("shown"));
        venue.register(get(urlPathEqualTo("/api/v1/user/orders/" + orderId)).inScenario("visible")
                .whenScenarioStateIs("shown").willReturn(okJson(
                        ExtendedJson.order(orderId, "SELL", "FILLED", "2.000", "2.000", "2499.00", "1.2"))));
        venue.register(get(urlPathEqualTo("/api/v1/user/trades")).willReturn(okJson(ExtendedJson.trades(
                ExtendedJson.trade(tradeId, orderId, "SELL", "2499.00", "2.000", "1.2")))));

        lp.minted(position, WETH.multiply(BigInteger.TWO), USDC.multiply(BigInteger.valueOf(5000)));
        HedgeFilled filled = single(position, HedgeFilled.class);
        assertThat(filled.orderId()).isEqualTo(orderId);
        assertThat(filled.filledQuantity()).isEqualByComparingTo("2");
        // 503, then (nothing under the external id) sent again: two sends, one order, one fill event
        assertThat(venue.find(postRequestedFor(urlPathEqualTo("/api/v1/user/order")))).hasSize(2);
        assertThat(venue.find(getRequestedFor(urlPathMatching("/api/v1/user/orders/external/.*")))).hasSize(5);
        assertThat(venue.find(getRequestedFor(urlPathEqualTo("/api/v1/user/orders/" + orderId)))).hasSize(3);
        assertThat(all(position, HedgeFilled.class, 2, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void anOrderTheVenueTookButNobodyCanFindIsPendingUntilTheReconcilerFindsIt() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        String orderId = Long.toString(IDS.incrementAndGet());
        String tradeId = Long.toString(IDS.incrementAndGet());
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).willReturn(okJson(ExtendedJson.placed(orderId))));
        venue.register(get(urlPathEqualTo("/api/v1/user/orders/" + orderId)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(ExtendedJson.error("1001", "Not found"))));
        venue.register(get(urlPathEqualTo("/api/v1/user/trades")).willReturn(okJson(ExtendedJson.trades())));
        venue.register(get(urlPathMatching("/api/v1/user/orders/external/.*")).willReturn(okJson(
                ExtendedJson.orders())));

        lp.minted(position, WETH, USDC.multiply(BigInteger.valueOf(2500)));
        await().atMost(WAIT).until(() -> "PENDING_LOOKUP".equals(firstOrderState(position)));
        // 5 lookups by id, then the latest 10 trades
        assertThat(venue.find(getRequestedFor(urlPathEqualTo("/api/v1/user/orders/" + orderId))).size())
                .isGreaterThanOrEqualTo(5);
        assertThat(venue.find(getRequestedFor(urlPathEqualTo("/api/v1/user/trades"))
                .withQueryParam("limit", WireMock.equalTo("10")))).isNotEmpty();

        // The venue catches up: the reconciler finds the order on its next round and records it, once.
        venue.register(get(urlPathEqualTo("/api/v1/user/orders/" + orderId)).willReturn(okJson(
                ExtendedJson.order(orderId, "SELL", "FILLED", "1.000", "1.000", "2500.00", "0.625"))));
        venue.register(get(urlPathEqualTo("/api/v1/user/trades")).willReturn(okJson(ExtendedJson.trades(
                ExtendedJson.trade(tradeId, orderId, "SELL", "2500.00", "1.000", "0.625")))));
        HedgeFilled filled = single(position, HedgeFilled.class);
        assertThat(filled.orderId()).isEqualTo(orderId);
        assertThat(filled.fills()).extracting(f -> f.tradeId()).containsExactly(tradeId);
        assertThat(venue.find(postRequestedFor(urlPathEqualTo("/api/v1/user/order")))).hasSize(1);
    }

    @Test
    void theLastUnansweredSendIsLookedUpBeforeTheOrderIsGivenUp() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        String orderId = Long.toString(IDS.incrementAndGet());
        String tradeId = Long.toString(IDS.incrementAndGet());
        // Three sends, each answered 503; the third reached the venue all the same (as a timed-out send can).
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).inScenario("lost-send")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("sent-1"));
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).inScenario("lost-send")
                .whenScenarioStateIs("sent-1").willReturn(aResponse().withStatus(503)).willSetStateTo("sent-2"));
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).inScenario("lost-send")
                .whenScenarioStateIs("sent-2").willReturn(aResponse().withStatus(503)).willSetStateTo("taken"));
        venue.register(get(urlPathMatching("/api/v1/user/orders/external/.*")).willReturn(okJson(
                ExtendedJson.orders())));
        venue.register(get(urlPathMatching("/api/v1/user/orders/external/.*")).inScenario("lost-send")
                .whenScenarioStateIs("taken").willReturn(okJson(ExtendedJson.orders(ExtendedJson.orderObject(orderId,
                        "SELL", "FILLED", "1.000", "1.000", "2500.00", "0.625")))));
        venue.register(get(urlPathEqualTo("/api/v1/user/trades")).willReturn(okJson(ExtendedJson.trades(
                ExtendedJson.trade(tradeId, orderId, "SELL", "2500.00", "1.000", "0.625")))));

        lp.minted(position, WETH, USDC.multiply(BigInteger.valueOf(2500)));

        HedgeFilled filled = single(position, HedgeFilled.class);
        assertThat(filled.orderId()).isEqualTo(orderId);
        assertThat(filled.fills()).extracting(f -> f.tradeId()).containsExactly(tradeId);
        assertThat(all(position, HedgeFailed.class, 1, Duration.ofSeconds(1))).isEmpty();
        assertThat(venue.find(postRequestedFor(urlPathEqualTo("/api/v1/user/order")))).hasSize(3);
        assertThat(firstHedgeField(position, "status")).isEqualTo("OPEN");
    }

    @Test
    void aLostSendIsNeitherSentAgainNorGivenUpWhileTheVenueDoesNotAnswerItsLookup() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        String orderId = Long.toString(IDS.incrementAndGet());
        String tradeId = Long.toString(IDS.incrementAndGet());
        // The send's answer is lost (503) although the venue took the order; its lookups by external id fail too.
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).willReturn(aResponse().withStatus(503)));
        venue.register(get(urlPathMatching("/api/v1/user/orders/external/.*")).willReturn(aResponse().withStatus(503)));
        venue.register(get(urlPathEqualTo("/api/v1/user/trades")).willReturn(okJson(ExtendedJson.trades(
                ExtendedJson.trade(tradeId, orderId, "SELL", "2500.00", "1.000", "0.625")))));

        lp.minted(position, WETH, USDC.multiply(BigInteger.valueOf(2500)));
        await().atMost(WAIT).until(() -> venue.find(getRequestedFor(urlPathMatching(
                "/api/v1/user/orders/external/.*"))).size() >= 10);
        // two rounds of unanswered lookups: still one send, the order still SENDING, no HedgeFailed
        assertThat(venue.find(postRequestedFor(urlPathEqualTo("/api/v1/user/order")))).hasSize(1);
        assertThat(firstOrderState(position)).isEqualTo("SENDING");
        assertThat(all(position, HedgeFailed.class, 1, Duration.ofMillis(500))).isEmpty();

        // The venue answers again and shows the order: recorded once, never sent a second time.
        venue.register(get(urlPathMatching("/api/v1/user/orders/external/.*")).willReturn(okJson(ExtendedJson.orders(
                ExtendedJson.orderObject(orderId, "SELL", "FILLED", "1.000", "1.000", "2500.00", "0.625")))));
        HedgeFilled filled = single(position, HedgeFilled.class);
        assertThat(filled.orderId()).isEqualTo(orderId);
        assertThat(venue.find(postRequestedFor(urlPathEqualTo("/api/v1/user/order")))).hasSize(1);
        assertThat(firstHedgeField(position, "status")).isEqualTo("OPEN");
    }

    @Test
    void aManualRetryOfAnOrderTheVenueTookLateRecordsItsFillAndSendsNothing() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        venue.register(post(urlPathEqualTo("/api/v1/user/order")).willReturn(aResponse().withStatus(503)));
        venue.register(get(urlPathMatching("/api/v1/user/orders/external/.*")).willReturn(okJson(
                ExtendedJson.orders())));

        lp.minted(position, WETH, USDC.multiply(BigInteger.valueOf(2500)));
        HedgeFailed failed = single(position, HedgeFailed.class);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.attempts()).isEqualTo(3);

        // The venue processed the last send after all; it now shows the order under its external id.
        String orderId = Long.toString(IDS.incrementAndGet());
        String tradeId = Long.toString(IDS.incrementAndGet());
        venue.register(get(urlPathEqualTo("/api/v1/user/orders/external/" + failed.externalId())).willReturn(okJson(
                ExtendedJson.orders(ExtendedJson.orderObject(orderId, "SELL", "FILLED", "1.000", "1.000", "2500.00",
                        "0.625")))));
        venue.register(get(urlPathEqualTo("/api/v1/user/trades")).willReturn(okJson(ExtendedJson.trades(
                ExtendedJson.trade(tradeId, orderId, "SELL", "2500.00", "1.000", "0.625")))));

        given().when().post("/api/v1/hedges/" + failed.hedgeId() + "/retry").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("found at the venue"));

        HedgeFilled filled = single(position, HedgeFilled.class);
        assertThat(filled.externalId()).isEqualTo(failed.externalId());
        assertThat(filled.orderId()).isEqualTo(orderId);
        assertThat(venue.find(postRequestedFor(urlPathEqualTo("/api/v1/user/order")))).hasSize(3);
        given().when().get("/api/v1/hedges/" + failed.hedgeId()).then().statusCode(200)
                .body("hedge.status", equalTo("OPEN")).body("orders", hasSize(1))
                .body("orders[0].state", equalTo("FILLED"));
    }

    @Test
    void aQuantityTheMarketRefusesFailsTheHedgeInsteadOfBeingRetriedForever() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        // 0.005 WETH: a multiple of the pool's step (0.001) but below the market's minimum order (0.01)
        lp.minted(position, WETH.divide(BigInteger.valueOf(200)), USDC.multiply(BigInteger.valueOf(12)));

        HedgeFailed failed = single(position, HedgeFailed.class);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("INVALID_QUANTITY").contains("at least 0.01");
        assertThat(venue.find(postRequestedFor(urlPathEqualTo("/api/v1/user/order")))).isEmpty();
        assertThat(firstHedgeField(position, "status")).isEqualTo("FAILED");
    }

    private static String firstHedgeField(PositionRef position, String field) {
        return given().queryParam("positionKey", position.key()).when().get("/api/v1/hedges").then()
                .statusCode(200).extract().path("[0]." + field);
    }

    /** The state of the position's hedge's first order, or null before there is one. */
    private static String firstOrderState(PositionRef position) {
        String hedgeId = given().queryParam("positionKey", position.key()).when().get("/api/v1/hedges").then()
                .extract().path("[0].hedgeId");
        return hedgeId == null ? null
                : given().when().get("/api/v1/hedges/" + hedgeId).then().extract().path("orders[0].state");
    }

    private static <T extends EventPayload> T single(PositionRef position, Class<T> type) {
        List<T> found = all(position, type, 1, WAIT);
        assertThat(found).as("%s for %s", type.getSimpleName(), position.key()).hasSize(1);
        return found.get(0);
    }

    private static <T extends EventPayload> List<T> all(PositionRef position, Class<T> type, int expected,
            Duration wait) {
        return kafka.read(Topics.PERP_HEDGES.name(), r -> position.key().equals(r.key())
                        && type.isInstance(CODEC.decode(r.value()).payload()), expected, wait)
                .stream().map(r -> type.cast(CODEC.decode(r.value()).payload())).toList();
    }
}
