package io.tideline.settlement.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.TradeSide;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.mm.FillRecorded;
import io.tideline.events.mm.PositionUncovered;
import io.tideline.events.mm.SessionSettled;
import io.tideline.events.mm.TakeProfitFilled;
import io.tideline.events.mm.TakeProfitPlaced;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settlement on its paper venue, driven through the API and mm.fills as the desk and the market maker would: one
 * take-profit per uncovered buy fill across pairs and never a second, aging re-prices by replace, post-only re-pricing
 * one tick above the bid, take-profit fills, an outage in one pair, dry runs, the stop-loss.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SettleOnPaperVenueTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static KafkaTestClient kafka;
    private static SettlementEventsOnKafka events;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        events = new SettlementEventsOnKafka(kafka);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void coversEachUncoveredBuyFillOnceAcrossPairsAndNeverTwice() {
        String session = Desk.uniqueSession();
        String eth = Desk.uniquePair();
        String btc = Desk.uniquePair();
        Desk.session(session, "binance", List.of(eth, btc));
        Instant recent = Instant.now().minus(10, ChronoUnit.MINUTES);
        Desk.buy(session, "binance", eth, "1.5", "2000", recent);
        Desk.buy(session, "binance", eth, "0.5", "2000.01", recent);
        Desk.buy(session, "binance", btc, "0.1", "60000", Instant.now().minus(2, ChronoUnit.HOURS));
        sell(session, eth, "1");  // the market maker's own sell: no take-profit for it
        Desk.book(eth, "1990", "1991");
        Desk.book(btc, "59900", "59901");

        JsonPath first = Desk.run(session);
        assertThat(first.getInt("sessions")).isEqualTo(1);
        assertThat(first.getInt("pairs")).isEqualTo(2);
        assertThat(first.getInt("positionsUncovered")).isEqualTo(3);
        assertThat(first.getInt("positionsCovered")).isEqualTo(3);
        assertThat(first.getInt("ordersPlaced")).isEqualTo(3);
        assertThat(first.getList("errors")).isEmpty();

        List<Map<String, Object>> ethOrders = Desk.venueOrders(eth);
        assertThat(ethOrders).extracting(o -> o.get("status")).containsOnly("OPEN");
        assertThat(ethOrders).extracting(o -> new BigDecimal((String) o.get("price")))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("2010"), new BigDecimal("2010.02")); // tier 0: +50 bp, up
        assertThat(ethOrders).extracting(o -> o.get("side")).containsOnly("SELL");
        assertThat(Desk.venueOrders(btc)).singleElement().satisfies(o ->
                assertThat(new BigDecimal((String) o.get("price"))).isEqualByComparingTo("60180")); // 1-4 h: +30 bp

        JsonPath second = Desk.run(session);
        assertThat(second.getInt("positionsUncovered")).isZero();
        assertThat(second.getInt("ordersPlaced")).isZero();
        assertThat(Desk.venueOrders(eth)).hasSize(2);
        assertThat(Desk.venueOrders(btc)).hasSize(1);

        List<TakeProfitPlaced> placed = events.read(Topics.MM_SETTLEMENT.name(), TakeProfitPlaced.class,
                p -> p.sessionId().equals(session), 3, WAIT);
        assertThat(placed).hasSize(3).allSatisfy(p -> assertThat(p.side()).isEqualTo(TradeSide.SELL));
        assertThat(events.read(Topics.MM_SETTLEMENT.name(), PositionUncovered.class,
                p -> p.sessionId().equals(session), 3, WAIT)).hasSize(3);
        List<SessionSettled> settled = events.read(Topics.MM_SETTLEMENT.name(), SessionSettled.class,
                s -> s.sessionId().equals(session), 2, WAIT);
        assertThat(settled).hasSize(2);
        assertThat(settled.get(0).ordersPlaced() + settled.get(1).ordersPlaced()).isEqualTo(3);
        // the fills posted through the API went out on mm.fills too
        assertThat(events.read(Topics.MM_FILLS.name(), FillRecorded.class, f -> f.sessionId().equals(session), 4,
                WAIT)).hasSize(4);

        given().queryParam("sessionId", session).when().get("/api/v1/positions/uncovered").then().statusCode(200);
        assertThat(given().when().get("/api/v1/sessions/" + session).then().statusCode(200).extract().jsonPath()
                .getInt("session.pairCount")).isEqualTo(2);
    }

    @Test
    void aPostOnlyThatWouldCrossIsRepricedOneTickAboveTheBestBid() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        Desk.buy(session, "binance", pair, "1", "2000", Instant.now().minusSeconds(60));
        Desk.book(pair, "2015.37", "2015.40");  // the take-profit's 2010 would cross the bid

        JsonPath run = Desk.run(session);
        assertThat(run.getInt("ordersPlaced")).isEqualTo(1);
        assertThat(run.getInt("ordersFailed")).isZero();
        List<Map<String, Object>> orders = Desk.venueOrders(pair);
        assertThat(orders).hasSize(2);
        assertThat(orders).filteredOn(o -> "REJECTED".equals(o.get("status"))).singleElement().satisfies(o ->
                assertThat(o.get("statusReason")).isEqualTo("POST_ONLY_WOULD_CROSS"));
        assertThat(orders).filteredOn(o -> "OPEN".equals(o.get("status"))).singleElement().satisfies(o ->
                assertThat(new BigDecimal((String) o.get("price"))).isEqualByComparingTo("2015.38"));
        assertThat(Desk.takeProfits(session, "LIVE")).hasSize(1);
        assertThat(Desk.takeProfits(session, "FAILED")).hasSize(1);
    }

    @Test
    void aPositionAgingIntoTheNextTierHasItsTakeProfitReplacedKeepingOneLive() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        // 3 s short of an hour: tier 0 now, tier 1 in a moment
        String fill = Desk.buy(session, "binance", pair, "2", "2000", Instant.now().minus(1, ChronoUnit.HOURS)
                .plusSeconds(3));
        Desk.book(pair, "1990", "1991");
        assertThat(Desk.run(session).getInt("ordersPlaced")).isEqualTo(1);
        String first = (String) Desk.takeProfits(session, "LIVE").get(0).get("clientOrderId");

        Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
        JsonPath run = Desk.run(session);
        assertThat(run.getInt("ordersReplaced")).isEqualTo(1);
        assertThat(run.getInt("ordersPlaced")).isZero();

        List<Map<String, Object>> orders = Desk.venueOrders(pair);
        assertThat(orders).filteredOn(o -> "OPEN".equals(o.get("status"))).singleElement().satisfies(o -> {
            assertThat(new BigDecimal((String) o.get("price"))).isEqualByComparingTo("2006"); // 1-4 h: +30 bp
            assertThat(new BigDecimal((String) o.get("quantity"))).isEqualByComparingTo("2");
        });
        assertThat(orders).filteredOn(o -> "CANCELLED".equals(o.get("status"))).hasSize(1);
        assertThat(Desk.takeProfits(session, "LIVE")).singleElement().satisfies(o -> {
            assertThat(o.get("replacesClientOrderId")).isEqualTo(first);
            assertThat(o.get("tier")).isEqualTo(1);
        });
        assertThat(Desk.takeProfits(session, "REPLACED")).singleElement().satisfies(o ->
                assertThat(o.get("clientOrderId")).isEqualTo(first));
        List<TakeProfitPlaced> placed = events.read(Topics.MM_SETTLEMENT.name(), TakeProfitPlaced.class,
                p -> p.sessionId().equals(session), 2, WAIT);
        assertThat(placed).extracting(TakeProfitPlaced::replacesClientOrderId).containsExactly(null, first);
        assertThat(placed).extracting(TakeProfitPlaced::fillId).containsOnly(fill);
    }

    @Test
    void aTakeProfitFillsWhenTheBidReachesItAndItsPositionIsClosed() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        Desk.buy(session, "binance", pair, "1", "2000", Instant.now().minusSeconds(60));
        Desk.book(pair, "1995", "1996");
        Desk.run(session);
        Desk.book(pair, "2010", "2011");  // reaches the 2010 take-profit

        JsonPath run = Desk.run(session);
        assertThat(run.getInt("takeProfitsFilled")).isEqualTo(1);
        assertThat(run.getInt("ordersPlaced")).as("the sold position needs no new take-profit").isZero();
        TakeProfitFilled filled = events.read(Topics.MM_SETTLEMENT.name(), TakeProfitFilled.class,
                f -> f.sessionId().equals(session), 1, WAIT).get(0);
        assertThat(filled.price()).isEqualByComparingTo("2010");
        assertThat(filled.quantity()).isEqualByComparingTo("1");
        assertThat(filled.fee()).isEqualByComparingTo("2.01"); // 2010 x 1 x 0.001
        assertThat(Desk.takeProfits(session, "FILLED")).hasSize(1);
        assertThat(given().queryParam("sessionId", session).when().get("/api/v1/positions").then().statusCode(200)
                .extract().jsonPath().getList("$")).isEmpty();
        assertThat(Desk.run(session).getInt("ordersPlaced")).isZero();
    }

    @Test
    void anOutageInOnePairDoesNotStopTheOthers() {
        String session = Desk.uniqueSession();
        String down = Desk.uniquePair();
        String up = Desk.uniquePair();
        Desk.session(session, "binance", List.of(down, up));
        Desk.buy(session, "binance", down, "1", "100", Instant.now().minusSeconds(60));
        Desk.buy(session, "binance", up, "1", "100", Instant.now().minusSeconds(60));
        given().when().post("/api/v1/paper/markets/" + down + "/halt").then().statusCode(204);
        try {
            JsonPath run = Desk.run(session);
            assertThat(run.getList("errors.pair")).containsExactly(down);
            assertThat(run.getInt("ordersPlaced")).isEqualTo(1);
            assertThat(Desk.venueOrders(up)).hasSize(1);
        } finally {
            given().when().post("/api/v1/paper/markets/" + down + "/resume").then().statusCode(204);
        }
        JsonPath after = Desk.run(session);
        assertThat(after.getList("errors")).isEmpty();
        assertThat(after.getInt("ordersPlaced")).isEqualTo(1);
        assertThat(Desk.venueOrders(down)).hasSize(1);
    }

    @Test
    void aDryRunReportsWhatItWouldPlaceAndPlacesNothing() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        Desk.buy(session, "binance", pair, "1", "100", Instant.now().minusSeconds(60));
        JsonPath dry = Desk.dryRun(session);
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(dry.getInt("ordersPlaced")).isEqualTo(1);
        assertThat(Desk.venueOrders(pair)).isEmpty();
        assertThat(Desk.takeProfits(session, null)).isEmpty();
        assertThat(given().when().get("/api/v1/settlement/runs/" + dry.getString("runId")).then().statusCode(200)
                .extract().jsonPath().getBoolean("dryRun")).isTrue();
    }

    @Test
    void fillsFromMmFillsAreRecordedOnceAndCreateTheirSession() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        FillRecorded fill = new FillRecorded(session, pair, "okx", "9007199254740995", "9007199254740997",
                TradeSide.BUY, new BigDecimal("0.25"), new BigDecimal("3000"), new BigDecimal("0.3"), "USDC",
                Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MICROS));
        // the market maker publishes it twice under two event ids (a retry): one fill
        for (int i = 0; i < 2; i++) {
            EventEnvelope<FillRecorded> e = EventEnvelope.of("market-maker", session + ":" + pair, null, fill);
            kafka.send(Topics.MM_FILLS.name(), e.key(), CODEC.encode(e));
        }
        Awaitility.await().atMost(WAIT).until(() -> given().when().get("/api/v1/sessions/" + session)
                .then().extract().statusCode() == 200);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(given().when().get("/api/v1/sessions/"
                + session).then().extract().jsonPath().getInt("session.fills")).isEqualTo(1));
        JsonPath detail = given().when().get("/api/v1/sessions/" + session).then().extract().jsonPath();
        assertThat(detail.getString("session.venue")).isEqualTo("okx");
        assertThat(detail.getList("session.pairs")).containsExactly(pair);
        assertThat(Desk.run(session).getInt("ordersPlaced")).isEqualTo(1);
        assertThat(Desk.takeProfits(session, "LIVE")).singleElement().satisfies(o ->
                assertThat(o.get("fillId")).isEqualTo("9007199254740997"));
    }

    @Test
    void aFillOnMmFillsIsHeldToTheApisRulesAndABrokenOneIsDeadLetteredNamingItsField() {
        Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MICROS);
        String badId = Desk.uniqueSession();
        String negative = Desk.uniqueSession();
        String future = Desk.uniqueSession();
        String good = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        List<FillRecorded> fills = List.of(
                new FillRecorded(badId, pair, "okx", "1", "trade id with spaces", TradeSide.BUY, BigDecimal.ONE,
                        new BigDecimal("3000"), BigDecimal.ZERO, "USDC", at),
                new FillRecorded(negative, pair, "okx", "2", "2", TradeSide.BUY, new BigDecimal("-1"),
                        new BigDecimal("3000"), BigDecimal.ZERO, "USDC", at),
                new FillRecorded(future, pair, "okx", "3", "3", TradeSide.BUY, BigDecimal.ONE,
                        new BigDecimal("3000"), BigDecimal.ZERO, "USDC", Instant.now().plus(Duration.ofDays(1))),
                new FillRecorded(good, pair, "okx", "4", "4", TradeSide.BUY, BigDecimal.ONE,
                        new BigDecimal("3000"), BigDecimal.ZERO, "USDC", at));
        for (FillRecorded fill : fills) {
            EventEnvelope<FillRecorded> e = EventEnvelope.of("market-maker", fill.sessionId() + ":" + pair, null,
                    fill);
            kafka.send(Topics.MM_FILLS.name(), e.key(), CODEC.encode(e));
        }

        Awaitility.await().atMost(WAIT).until(() -> given().when().get("/api/v1/sessions/" + good)
                .then().extract().statusCode() == 200);
        Map<String, String> errors = new java.util.HashMap<>();
        kafka.read(Topics.deadLetterOf(Topics.MM_FILLS.name()), r -> r.key().endsWith(":" + pair), 3, WAIT)
                .forEach(r -> errors.put(r.key().substring(0, r.key().indexOf(':')),
                        new String(r.headers().lastHeader("dlq.error").value(), StandardCharsets.UTF_8)));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(badId)).contains("tradeId must be 1 to 128 of");
        assertThat(errors.get(negative)).contains("quantity must be greater than 0");
        assertThat(errors.get(future)).contains("filledAt is in the future");
        for (String refused : List.of(badId, negative, future)) {
            given().when().get("/api/v1/sessions/" + refused).then().statusCode(404);
        }
    }

    @Test
    void aSessionPastItsStopLossRaisesAnAlertAndGetsNoTakeProfitsUntilAcknowledged() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        Desk.buy(session, "binance", pair, "10", "200", Instant.now().minusSeconds(600));
        Desk.book(pair, "199", "199.5");
        assertThat(Desk.run(session).getInt("ordersPlaced")).isEqualTo(1);
        Desk.book(pair, "50", "50.5");  // 10 x (50 - 200) = -1500, beyond the 1000 limit
        Desk.buy(session, "binance", pair, "1", "50", Instant.now().minusSeconds(10));

        JsonPath tripped = Desk.run(session);
        assertThat(tripped.getInt("sessionsStopped")).isEqualTo(1);
        assertThat(tripped.getInt("positionsUncovered")).isEqualTo(1);
        assertThat(tripped.getInt("ordersPlaced")).isZero();
        AlertRaised alert = events.read(Topics.ALERTS.name(), AlertRaised.class,
                a -> a.subjectKey().equals(session), 1, WAIT).get(0);
        assertThat(alert.ruleId()).isEqualTo("settlement.stop-loss");
        assertThat(alert.detail()).contains("1500");
        assertThat(Desk.run(session).getInt("ordersPlaced")).as("still stopped").isZero();
        assertThat(events.read(Topics.ALERTS.name(), AlertRaised.class, a -> a.subjectKey().equals(session), 2,
                Duration.ofSeconds(2))).as("one alert per trip").hasSize(1);

        given().contentType(ContentType.JSON).body(Map.of("acknowledgedBy", "desk-lead"))
                .when().post("/api/v1/sessions/" + session + "/stop-loss/acknowledge").then().statusCode(200);
        JsonPath resumed = Desk.run(session);
        assertThat(resumed.getInt("sessionsStopped")).isZero();
        assertThat(resumed.getInt("ordersPlaced")).isEqualTo(1);
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/sessions/" + session + "/stop-loss/acknowledge").then().statusCode(409);
    }

    private static void sell(String session, String pair, String qty) {
        given().contentType(ContentType.JSON).body(Map.of("sessionId", session, "pair", pair, "venue", "binance",
                "orderId", "sell-" + pair, "tradeId", "sell-" + pair, "side", "SELL", "quantity", new BigDecimal(qty),
                "price", new BigDecimal("2001"), "fee", BigDecimal.ZERO, "filledAt", Instant.now().toString()))
                .when().post("/api/v1/fills").then().statusCode(201);
    }
}
