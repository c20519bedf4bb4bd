package io.tideline.alerting.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.TradeSide;
import io.tideline.events.Topics;
import io.tideline.events.alert.AlertEscalated;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.alert.AlertResolved;
import io.tideline.events.alert.AlertSeverity;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpRangeEntered;
import io.tideline.events.lp.LpRangeExited;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.events.mm.PositionUncovered;
import io.tideline.events.mm.TakeProfitPlaced;
import io.tideline.events.perp.HedgeFailed;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.pnl.CostBasisMethod;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.messaging.kafka.Headers;
import io.tideline.messaging.metrics.RowCountGauges;
import io.tideline.service.security.Roles;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TestTokens;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule kind from real events on the broker, published the way their services publish them: the alert opens,
 * repeats, escalates, clears, with its events on {@code alerts}. Each test scopes its rule to its own subject.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ReadinessStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AlertsFromEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final AtomicLong IDS = new AtomicLong();

    private static KafkaTestClient kafka;
    private static DeskEvents desk;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        desk = new DeskEvents(kafka);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Inject
    RowCountGauges gauges;

    @Test
    void anOpenAlertIsCountedByItsSeverityOnTheMetricsEndpoint() {
        gauges.refreshAll();
        double before = openAlerts("CRITICAL");
        String instrument = "GAUGE" + IDS.incrementAndGet() + "-USD";
        String rule = rule(Map.of("name", "falls below 10", "kind", "PRICE_CROSSES", "severity", "CRITICAL",
                "params", Map.of("instrument", instrument, "level", "10", "direction", "DOWN")));
        price(instrument, "11");
        price(instrument, "9");
        awaitAlert(rule, "OPEN");

        gauges.refreshAll();

        assertThat(openAlerts("CRITICAL")).isEqualTo(before + 1);
        assertThat(metrics()).contains("tideline_outbox_pending").contains("http_server_requests_seconds_bucket");
    }

    private static String metrics() {
        return given().header("Authorization", TestTokens.bearer(Roles.VIEWER)).get("/q/metrics").then()
                .statusCode(200).extract().asString();
    }

    private static double openAlerts(String severity) {
        Matcher m = Pattern.compile("(?m)^tideline_alerts_open\\{[^}]*severity=\"" + severity + "\"[^}]*} (\\S+)$")
                .matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aPriceCrossingDownRaisesAndCrossingBackUpResolves() {
        String instrument = "TST" + IDS.incrementAndGet() + "-USD";
        String rule = rule(Map.of("name", "falls below 100", "kind", "PRICE_CROSSES", "severity", "HIGH",
                "params", Map.of("instrument", instrument, "level", "100", "direction", "DOWN")));
        price(instrument, "105");
        price(instrument, "100.01");
        EventEnvelope<PriceObserved> down = price(instrument, "99.5");

        JsonPath alert = awaitAlert(rule, "OPEN");
        assertThat(alert.getString("[0].title")).isEqualTo(instrument + " crossed 100 down at 99.5");
        assertThat(alert.getString("[0].severity")).isEqualTo("HIGH");
        assertThat(alert.getString("[0].sourceEventId")).isEqualTo(down.eventId().toString());
        AlertRaised raised = onAlertsTopic(AlertRaised.class, rule);
        assertThat(raised.subjectKey()).isEqualTo(instrument);
        assertThat(raised.sourceEventId()).isEqualTo(down.eventId());

        price(instrument, "99");
        price(instrument, "100");
        JsonPath resolved = awaitAlert(rule, "RESOLVED");
        assertThat(resolved.getString("[0].resolution")).contains("rose from 99 to 100");
        assertThat(resolved.getLong("[0].occurrences")).isEqualTo(1);
        String alertId = resolved.getString("[0].alertId");
        assertThat(onAlertsTopic(AlertResolved.class, r -> r.alertId().equals(alertId)).resolvedBy()).isNull();
    }

    @Test
    void onePriceMoveAcrossSeveralLevelsRaisesOneAlertPerRuleAndMovingBackResolvesEach() {
        String instrument = "TST" + IDS.incrementAndGet() + "-USD";
        List<String> rules = List.of(110, 120, 130).stream().map(level -> rule(Map.of("name", "over " + level,
                "kind", "PRICE_CROSSES", "severity", "MEDIUM", "params", Map.of("instrument", instrument,
                        "level", Integer.toString(level), "direction", "UP")))).toList();
        price(instrument, "100");
        EventEnvelope<PriceObserved> up = price(instrument, "125");

        JsonPath over110 = awaitAlert(rules.get(0), "OPEN");
        JsonPath over120 = awaitAlert(rules.get(1), "OPEN");
        assertThat(over110.getString("[0].title")).isEqualTo(instrument + " crossed 110 up at 125");
        assertThat(over120.getString("[0].title")).isEqualTo(instrument + " crossed 120 up at 125");
        assertThat(over110.getString("[0].sourceEventId")).isEqualTo(up.eventId().toString());
        assertThat(over120.getString("[0].sourceEventId")).isEqualTo(up.eventId().toString());
        assertThat(alerts(rules.get(2), "OPEN").getList("$")).as("130 was not crossed").isEmpty();

        price(instrument, "105");
        assertThat(awaitAlert(rules.get(0), "RESOLVED").getString("[0].resolution"))
                .contains("fell from 125 to 105");
        assertThat(awaitAlert(rules.get(1), "RESOLVED").getString("[0].resolution"))
                .contains("fell from 125 to 105");
        assertThat(alerts(rules.get(2), "RESOLVED").getList("$")).isEmpty();
    }

    @Test
    void aPositionOutOfRangeLongerThanItsTimeRaisesAndBackInRangeResolves() {
        PositionRef p = DeskEvents.newPosition();
        String rule = rule(Map.of("name", "out of range 1 s", "kind", "OUT_OF_RANGE", "severity", "MEDIUM",
                "scope", Map.of("type", "POSITION", "value", p.key()), "params", Map.of("forSeconds", 1)));
        desk.minted(p);
        desk.publish("lp-tracker", p.key(), new LpRangeExited(p, 90_000, 70_000, 80_000, LpRangeExited.Side.ABOVE,
                DeskEvents.at()));

        JsonPath alert = awaitAlert(rule, "OPEN");
        assertThat(alert.getString("[0].subjectKey")).isEqualTo(p.key());
        assertThat(alert.getString("[0].detail")).contains("out of its range since");

        desk.publish("lp-tracker", p.key(), new LpRangeEntered(p, 75_000, DeskEvents.at()));
        assertThat(awaitAlert(rule, "RESOLVED").getString("[0].resolution")).contains("back in range at tick 75000");
    }

    @Test
    void impermanentLossOverItsPercentOfCostRaisesAndWithinAgainResolves() {
        PositionRef p = DeskEvents.newPosition();
        String rule = rule(Map.of("name", "IL over 5 %", "kind", "IMPERMANENT_LOSS", "severity", "HIGH",
                "scope", Map.of("type", "POSITION", "value", p.key()), "params", Map.of("percent", "5")));
        desk.minted(p);
        desk.valued(p, "-499.99", BigInteger.ZERO, BigInteger.ZERO); // 4.9999 % of 10,000: within
        desk.valued(p, "-612.5", BigInteger.ZERO, BigInteger.ZERO);  // 6.125 %

        JsonPath alert = awaitAlert(rule, "OPEN");
        assertThat(alert.getString("[0].title")).isEqualTo("Impermanent loss 6.1250 % of cost on " + p.key());
        assertThat(alert.getString("[0].detail")).contains("cost 10000.000000000000000000 token1");

        desk.valued(p, "-100", BigInteger.ZERO, BigInteger.ZERO);
        assertThat(awaitAlert(rule, "RESOLVED").getString("[0].resolution")).contains("within the limit");
    }

    @Test
    void uncollectedFeesOverTheirAmountRaiseAndCollectingThemResolves() {
        PositionRef p = DeskEvents.newPosition();
        String rule = rule(Map.of("name", "fees over 50 USDC", "kind", "UNCOLLECTED_FEES", "severity", "LOW",
                "scope", Map.of("type", "POSITION", "value", p.key()), "params", Map.of("amount", "50")));
        desk.minted(p);
        // 0.01 WETH at 2,500 = 25 USDC, + 30 USDC = 55 USDC
        desk.valued(p, "0", BigInteger.TEN.pow(16), DeskEvents.ONE_USDC.multiply(BigInteger.valueOf(30)));

        assertThat(awaitAlert(rule, "OPEN").getString("[0].title"))
                .isEqualTo("Uncollected fees 55 token1 on " + p.key());
        desk.publish("lp-tracker", p.key(), new LpFeesCollected(p, DeskEvents.OWNER, BigInteger.TEN.pow(16),
                BigInteger.valueOf(30_000_000), DeskEvents.at()));
        assertThat(awaitAlert(rule, "RESOLVED").getString("[0].resolution")).contains("fees collected");
    }

    @Test
    void aClosedPositionRaisesOnceAndClearsTheAlertsThatNeededItOpen() {
        PositionRef p = DeskEvents.newPosition();
        Map<String, Object> scope = Map.of("type", "POSITION", "value", p.key());
        String closed = rule(Map.of("name", "closed", "kind", "POSITION_CLOSED", "severity", "LOW", "scope", scope));
        String outOfRange = rule(Map.of("name", "out 1 s", "kind", "OUT_OF_RANGE", "severity", "LOW",
                "scope", scope, "params", Map.of("forSeconds", 1)));
        desk.minted(p);
        desk.publish("lp-tracker", p.key(), new LpRangeExited(p, 60_000, 70_000, 80_000, LpRangeExited.Side.BELOW,
                DeskEvents.at()));
        awaitAlert(outOfRange, "OPEN");

        desk.publish("lp-tracker", p.key(), new LpClosed(p, LpClosed.Reason.LIQUIDITY_REMOVED, BigInteger.ONE,
                BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO, new BigDecimal("-12.5"), DeskEvents.at()));

        assertThat(awaitAlert(closed, "OPEN").getString("[0].detail")).contains("realized P&L -12.5");
        assertThat(awaitAlert(outOfRange, "RESOLVED").getString("[0].resolution")).contains("no longer the desk's");
    }

    @Test
    void aFailedHedgeRaisesAndItsFillResolvesAndADriftBeyondTheBandRaises() {
        PositionRef p = DeskEvents.newPosition();
        HedgeRules rules = HedgeRules.of(p);
        String failed = rules.failed();
        String drift = rules.drift();
        desk.minted(p);
        desk.publish("perp-hedger", p.key(), new HedgeFailed(p.key(), "h-" + p.tokenId(), 0, "ETH-USD", "x-1",
                "venue timeout", true, 3));
        assertThat(awaitAlert(failed, "OPEN").getString("[0].detail")).contains("failed after 3 attempt(s): venue"
                + " timeout (retryable)");

        // the LP holds 2 WETH; a short of 1.5 ETH is 25 % off
        desk.publish("perp-hedger", p.key(), new HedgeFilled(p.key(), "h-" + p.tokenId(), 0, "ETH-USD", "o-1", "x-1",
                TradeSide.SELL, new BigDecimal("1.5"), new BigDecimal("2500"), new BigDecimal("0.1"), List.of()));

        assertThat(awaitAlert(failed, "RESOLVED").getString("[0].resolution")).contains("x-1 filled");
        assertThat(awaitAlert(drift, "OPEN").getString("[0].title")).isEqualTo("Hedge drift 25.0000 % on " + p.key());

        desk.publish("perp-hedger", p.key(), new HedgeFilled(p.key(), "h-" + p.tokenId(), 1, "ETH-USD", "o-2", "x-2",
                TradeSide.SELL, new BigDecimal("0.45"), new BigDecimal("2500"), new BigDecimal("0.1"), List.of()));
        assertThat(awaitAlert(drift, "RESOLVED").getString("[0].resolution")).contains("2.5000 %, within the band");
    }

    @Test
    void aHedgeFillReadBeforeItsMintIsMeasuredWhenTheMintArrives() {
        PositionRef p = DeskEvents.newPosition();
        HedgeRules rules = HedgeRules.of(p);
        String failed = rules.failed();
        String drift = rules.drift();
        desk.publish("perp-hedger", p.key(), new HedgeFailed(p.key(), "h-" + p.tokenId(), 0, "ETH-USD", "x-1",
                "venue timeout", true, 1));
        awaitAlert(failed, "OPEN");
        desk.publish("perp-hedger", p.key(), new HedgeFilled(p.key(), "h-" + p.tokenId(), 0, "ETH-USD", "o-1", "x-1",
                TradeSide.SELL, new BigDecimal("1.5"), new BigDecimal("2500"), new BigDecimal("0.1"), List.of()));
        awaitAlert(failed, "RESOLVED"); // the fill is applied, and without the mint there is nothing to measure
        assertThat(alerts(drift, null).getList("$")).isEmpty();

        desk.minted(p); // 2 WETH held against a short of 1.5

        assertThat(awaitAlert(drift, "OPEN").getString("[0].title")).isEqualTo("Hedge drift 25.0000 % on " + p.key());
    }

    @Test
    void aPositionWithoutAHedgeFillLongerThanItsTimeRaises() {
        PositionRef p = DeskEvents.newPosition();
        String rule = rule(Map.of("name", "unhedged 1 s", "kind", "UNHEDGED", "severity", "HIGH",
                "scope", Map.of("type", "POSITION", "value", p.key()), "params", Map.of("forSeconds", 1)));
        desk.minted(p);

        assertThat(awaitAlert(rule, "OPEN").getString("[0].detail")).contains("has no hedge fill");
        desk.publish("perp-hedger", p.key(), new HedgeFilled(p.key(), "h-" + p.tokenId(), 0, "ETH-USD", "o-1", "x-1",
                TradeSide.SELL, new BigDecimal("2"), new BigDecimal("2500"), BigDecimal.ZERO, List.of()));
        awaitAlert(rule, "RESOLVED");
    }

    @Test
    void inventoryUncoveredLongerThanItsTimeRaisesAndItsTakeProfitResolves() {
        String session = "s-" + IDS.incrementAndGet();
        String key = session + ":ETH-USDC";
        String rule = rule(Map.of("name", "uncovered 60 s", "kind", "UNCOVERED_INVENTORY", "severity", "MEDIUM",
                "scope", Map.of("type", "SESSION", "value", session), "params", Map.of("forSeconds", 60)));
        desk.publish("settlement", key, new PositionUncovered(session, "ETH-USDC", "paper", "f-1", TradeSide.BUY,
                new BigDecimal("2500"), new BigDecimal("0.4"), 0, Instant.now().minusSeconds(3600)));

        JsonPath alert = awaitAlert(rule, "OPEN");
        assertThat(alert.getString("[0].subjectKey")).isEqualTo(key + ":f-1");
        assertThat(alert.getString("[0].title")).contains("0.4 ETH-USDC in " + session);

        desk.publish("settlement", key, new TakeProfitPlaced(session, "ETH-USDC", "paper", "f-1", "tp-1", "v-1",
                TradeSide.SELL, new BigDecimal("2510"), new BigDecimal("0.4"), 0, null));
        assertThat(awaitAlert(rule, "RESOLVED").getString("[0].resolution")).contains("take-profit tp-1");
    }

    @Test
    void settlementsStopLossRaisesACriticalAlertThroughTheDefaultRule() {
        String session = "sl-" + IDS.incrementAndGet();
        desk.publish("settlement", session, new AlertRaised("settlement.stop-loss:" + session + ":1",
                "settlement.stop-loss", AlertSeverity.CRITICAL, session, "Stop-loss: session " + session
                + " down 1200", "over the limit of 1000", Instant.now(), null));

        JsonPath alert = await().atMost(WAIT).until(() -> alerts("default.stop-loss", null),
                a -> a.getList("findAll { it.subjectKey == '" + session + "' }").size() == 1);
        assertThat(alert.getString("find { it.subjectKey == '" + session + "' }.severity")).isEqualTo("CRITICAL");
        assertThat(alert.getString("find { it.subjectKey == '" + session + "' }.title"))
                .isEqualTo("Stop-loss: session " + session + " down 1200");
    }

    @Test
    void unmatchedExecutionsOfOneWalletCountOnOneAlertAndAReplayedEventCountsOnce() {
        String wallet = String.format("0x%040x", 0xabc000 + IDS.incrementAndGet());
        String rule = rule(Map.of("name", "unmatched", "kind", "UNMATCHED_EXECUTION", "severity", "LOW",
                "scope", Map.of("type", "WALLET", "value", wallet)));
        EventEnvelope<ExecutionUnmatched> first = desk.publish("pnl-ingest", wallet, unmatched(wallet, "e-1"));
        awaitAlert(rule, "OPEN");
        desk.publish(first); // the same envelope again, as after a producer retry
        desk.publish("pnl-ingest", wallet, unmatched(wallet, "e-2"));

        JsonPath alert = await().atMost(WAIT).until(() -> alerts(rule, null), a -> a.getLong("[0].occurrences") == 2);
        assertThat(alert.getList("$")).hasSize(1);
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(alerts(rule, null).getLong("[0].occurrences")).isEqualTo(2);
    }

    @Test
    void aDrawdownFromThePeakWithinTheWindowRaises() {
        String user = String.format("0x%040x", 0xdd0000 + IDS.incrementAndGet());
        String rule = rule(Map.of("name", "drawdown 200", "kind", "PNL_DRAWDOWN", "severity", "HIGH",
                "scope", Map.of("type", "USER", "value", user),
                "params", Map.of("amount", "200", "windowSeconds", 86_400)));
        desk.publish("pnl-ingest", user, realized(user, "150"));
        desk.publish("pnl-ingest", user, realized(user, "-100"));
        desk.publish("pnl-ingest", user, realized(user, "-150.5"));

        JsonPath alert = awaitAlert(rule, "OPEN");
        assertThat(alert.getString("[0].title")).isEqualTo("Drawdown 250.5 for " + user);
        assertThat(alert.getString("[0].detail")).contains("is -100.5, 250.5 below its peak of 150");
    }

    @Test
    void aRecordOnADeadLetterTopicRaisesWithItsReason() {
        String rule = rule(Map.of("name", "dead letters of mm.settlement", "kind", "DEAD_LETTER", "severity", "HIGH",
                "params", Map.of("topic", "mm.settlement.dlq")));
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>("mm.settlement.dlq", "s1:ETH-USDC",
                "{not json".getBytes(StandardCharsets.UTF_8));
        letter.headers().add(Headers.DLQ_REASON, "undecodable: Unexpected end-of-input".getBytes(StandardCharsets.UTF_8));
        letter.headers().add(Headers.DLQ_CONSUMER, "analytics.settlement".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(letter).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        JsonPath alert = awaitAlert(rule, "OPEN");
        assertThat(alert.getString("[0].title")).isEqualTo("Dead letter on mm.settlement.dlq from analytics.settlement");
        assertThat(alert.getString("[0].detail")).contains("undecodable: Unexpected end-of-input");
    }

    @Test
    void aServiceNotReadyLongerThanItsTimeRaisesAndResolvesWhenReady() {
        String rule = rule(Map.of("name", "stand-in not ready 1 s", "kind", "SERVICE_NOT_READY", "severity",
                "CRITICAL", "params", Map.of("forSeconds", 1, "service", ReadinessStandIn.SERVICE)));
        ReadinessStandIn.READY.set(false);
        try {
            JsonPath alert = awaitAlert(rule, "OPEN");
            assertThat(alert.getString("[0].detail")).contains("HTTP 503");
        } finally {
            ReadinessStandIn.READY.set(true);
        }
        assertThat(awaitAlert(rule, "RESOLVED").getString("[0].resolution")).contains("ready again");
    }

    @Test
    void anUnacknowledgedAlertEscalatesEachDelayUpToItsLimitAndAcknowledgingStopsIt() {
        String instrument = "ESC" + IDS.incrementAndGet() + "-USD";
        String rule = rule(Map.of("name", "escalating", "kind", "PRICE_CROSSES", "severity", "MEDIUM",
                "params", Map.of("instrument", instrument, "level", "10", "direction", "UP"),
                "escalation", Map.of("afterSeconds", 1, "maxTimes", 2, "channels", List.of())));
        price(instrument, "9");
        price(instrument, "11");

        JsonPath escalated = await().atMost(WAIT).until(() -> alerts(rule, null),
                a -> a.getInt("[0].escalationLevel") == 2);
        assertThat(escalated.getString("[0].severity")).isEqualTo("CRITICAL");
        String alertId = escalated.getString("[0].alertId");
        assertThat(kafka.read(Topics.ALERTS.name(), r -> decoded(r.value()).payload() instanceof AlertEscalated e
                && e.alertId().equals(alertId), 2, WAIT)).hasSize(2);

        given().contentType(ContentType.JSON).body(Map.of("note", "looking")).post("/api/v1/alerts/" + alertId
                + "/acknowledge").then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", org.hamcrest.Matchers.notNullValue());
        JsonPath detail = given().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("timeline.change")).containsExactly("RAISED", "ESCALATED", "ESCALATED",
                "ACKNOWLEDGED");
        assertThat(detail.getString("timeline[3].note")).isEqualTo("looking");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/alerts/" + alertId + "/acknowledge")
                .then().statusCode(409).contentType("application/problem+json");
    }

    // --- helpers

    private static EventEnvelope<PriceObserved> price(String instrument, String price) {
        return desk.publish("extended", instrument, new PriceObserved("extended", instrument, new BigDecimal(price),
                null, null, null, DeskEvents.now()));
    }

    private static ExecutionUnmatched unmatched(String wallet, String id) {
        return new ExecutionUnmatched(id, wallet, "polymarket", "m-1", "YES", TradeSide.BUY, new BigDecimal("10"),
                new BigDecimal("0.42"), BigDecimal.ZERO, Instant.now());
    }

    private static PnlRealized realized(String user, String pnl) {
        return new PnlRealized(user, "polymarket", "m-1", "YES", BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE.add(new BigDecimal(pnl)), new BigDecimal(pnl), BigDecimal.ZERO, CostBasisMethod.FIFO,
                PnlRealized.Reason.SELL, null, DeskEvents.now());
    }

    /** A HEDGE_FAILED and a HEDGE_DRIFT (10 %) rule scoped to one position. */
    private record HedgeRules(String failed, String drift) {

        static HedgeRules of(PositionRef p) {
            Map<String, Object> scope = Map.of("type", "POSITION", "value", p.key());
            return new HedgeRules(rule(Map.of("name", "hedge failed", "kind", "HEDGE_FAILED", "severity", "HIGH",
                    "scope", scope)), rule(Map.of("name", "drift 10 %", "kind", "HEDGE_DRIFT", "severity", "MEDIUM",
                    "scope", scope, "params", Map.of("percent", "10"))));
        }
    }

    static String rule(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/alert-rules").then().statusCode(201)
                .extract().path("ruleId");
    }

    static JsonPath alerts(String ruleId, String state) {
        return given().queryParam("ruleId", ruleId).queryParams(state == null ? Map.of() : Map.of("state", state))
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitAlert(String ruleId, String state) {
        return await().atMost(WAIT).until(() -> alerts(ruleId, state), a -> !a.getList("$").isEmpty());
    }

    private static <T> T onAlertsTopic(Class<T> type, String ruleId) {
        return onAlertsTopic(type, p -> p instanceof AlertRaised r && r.ruleId().equals(ruleId));
    }

    @SuppressWarnings("unchecked")
    private static <T> T onAlertsTopic(Class<T> type, java.util.function.Predicate<T> match) {
        return kafka.read(Topics.ALERTS.name(), r -> {
            Object payload = decoded(r.value()).payload();
            return type.isInstance(payload) && match.test((T) payload);
        }, 1, WAIT).stream().map(r -> (T) decoded(r.value()).payload()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " on alerts"));
    }

    private static EventEnvelope<?> decoded(byte[] value) {
        return CODEC.decode(value);
    }

    static UUID id() {
        return UUID.randomUUID();
    }
}
