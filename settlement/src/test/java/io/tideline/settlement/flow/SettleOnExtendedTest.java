package io.tideline.settlement.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.Topics;
import io.tideline.events.mm.PositionUncovered;
import io.tideline.events.mm.TakeProfitPlaced;
import io.tideline.extended.ExtendedExchangeStandIn;
import io.tideline.messaging.tx.Transactions;
import io.tideline.settlement.pricing.PairCatalogue;
import io.tideline.settlement.run.PairOutcome;
import io.tideline.settlement.run.PairSettler;
import io.tideline.settlement.session.SessionStore.SessionPair;
import io.tideline.settlement.takeprofit.SettlementEvents;
import io.tideline.settlement.takeprofit.SettlementPlanner;
import io.tideline.settlement.takeprofit.TakeProfitStore;
import io.tideline.settlement.venue.extended.ExtendedMakerVenue;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settlement on the Extended venue end to end: the service's settler, database and outbox with the Extended adapter
 * talking to a WireMock stand-in of Extended (its documented formats, with state): take-profits placed as post-only
 * orders once each, re-priced for an older tier by one order carrying {@code cancelId}, filled; a crossing post-only
 * order refused by Extended re-priced above the bid; a balance shortfall recorded and raised as PositionUncovered with
 * its reason, covered once the account holds enough.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SettleOnExtendedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;
    private static SettlementEventsOnKafka events;

    @Inject
    Transactions transactions;

    @Inject
    TakeProfitStore takeProfits;

    @Inject
    SettlementPlanner planner;

    @Inject
    SettlementEvents settlementEvents;

    @Inject
    PairCatalogue pairs;

    private ExtendedExchangeStandIn extended;
    private String session;
    private String pair;
    private String market;
    private ExtendedMakerVenue venue;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        events = new SettlementEventsOnKafka(kafka);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @BeforeEach
    void standIn() {
        extended = ExtendedExchangeStandIn.start();
        session = Desk.uniqueSession();
        pair = Desk.uniquePair();
        market = pair.replace("-USDC", "-USD");
        Desk.session(session, "extended", List.of(pair));
        venue = new ExtendedMakerVenue(extended.client(ExtendedMakerVenue.USER_AGENT), Map.of(pair, market), 3,
                Duration.ofMillis(20), 100, d -> Thread.sleep(d.toMillis()));
    }

    @AfterEach
    void stop() {
        extended.close();
    }

    @Test
    void placesEachTakeProfitOnceReplacesByCancelIdAndRecordsItsFill() {
        Instant filled = Instant.now().minus(30, ChronoUnit.MINUTES);
        Desk.buy(session, "extended", pair, "1", "2000", filled);
        Desk.buy(session, "extended", pair, "0.5", "2001", filled);
        extended.book(market, "1990", "1991");
        extended.position(market, "1.5");

        PairOutcome first = settle(filled.plus(Duration.ofMinutes(31)));
        assertThat(first.placed()).isEqualTo(2);
        List<Map<String, Object>> live = Desk.takeProfits(session, "LIVE");
        assertThat(live).hasSize(2).allSatisfy(tp -> {
            assertThat(tp.get("venue")).isEqualTo("extended");
            assertThat(extended.createRequests((String) tp.get("clientOrderId"))).isEqualTo(1);
        });
        assertThat(extended.createRequestBodies()).allSatisfy(b -> {
            assertThat(b.get("postOnly").asBoolean()).isTrue();
            assertThat(b.get("timeInForce").asText()).isEqualTo("GTT");
            assertThat(b.get("market").asText()).isEqualTo(market);
        });

        PairOutcome again = settle(filled.plus(Duration.ofMinutes(32)));
        assertThat(again.placed()).isZero();
        assertThat(extended.createRequestBodies()).as("nothing sent twice").hasSize(2);

        // two hours after the fills: tier 1 (1-4 h), re-priced by one order replacing each
        PairOutcome aged = settle(filled.plus(Duration.ofHours(2)));
        assertThat(aged.replaced()).isEqualTo(2);
        List<String> replacedIds = live.stream().map(tp -> (String) tp.get("clientOrderId")).toList();
        assertThat(extended.createRequestBodies()).hasSize(4).filteredOn(b -> b.has("cancelId"))
                .extracting(b -> b.get("cancelId").asText()).containsExactlyInAnyOrderElementsOf(replacedIds);
        assertThat(extended.orders()).filteredOn(o -> replacedIds.contains(o.get("externalId").asText()))
                .allSatisfy(o -> assertThat(o.get("status").asText()).isEqualTo("CANCELLED"));
        assertThat(Desk.takeProfits(session, "REPLACED")).hasSize(2);
        List<Map<String, Object>> reprized = Desk.takeProfits(session, "LIVE");
        assertThat(reprized).hasSize(2).allSatisfy(tp -> assertThat(tp.get("tier")).isEqualTo(1));

        String toFill = (String) reprized.get(0).get("clientOrderId");
        extended.fill(toFill);
        PairOutcome afterFill = settle(filled.plus(Duration.ofHours(2)).plusSeconds(5));
        assertThat(afterFill.takeProfitsFilled()).isEqualTo(1);
        assertThat(Desk.takeProfits(session, "FILLED")).singleElement().satisfies(tp ->
                assertThat(tp.get("clientOrderId")).isEqualTo(toFill));
        assertThat(extended.createRequestBodies()).as("a fill places nothing").hasSize(4);
    }

    @Test
    void aPostOnlyThatExtendedRefusesAsCrossingIsRepricedOneTickAboveTheBid() {
        Instant filled = Instant.now().minus(10, ChronoUnit.MINUTES);
        Desk.buy(session, "extended", pair, "1", "2000", filled);
        extended.book(market, "2015.37", "2015.40");  // the take-profit's 2010 would cross the bid
        extended.position(market, "1");

        PairOutcome out = settle(filled.plusSeconds(60));

        assertThat(out.placed()).isEqualTo(1);
        assertThat(out.failed()).isZero();
        assertThat(Desk.takeProfits(session, "FAILED")).singleElement().satisfies(tp ->
                assertThat((String) tp.get("detail")).contains("would cross (POST_ONLY_FAILED)"));
        assertThat(Desk.takeProfits(session, "LIVE")).singleElement().satisfies(tp ->
                assertThat(new BigDecimal(tp.get("price").toString())).isEqualByComparingTo("2015.38"));
        assertThat(extended.orders()).extracting(o -> o.get("status").asText() + " " + o.path("statusReason")
                .asText("")).containsExactlyInAnyOrder("REJECTED POST_ONLY_FAILED", "NEW ");
    }

    @Test
    void aBalanceShortfallIsRecordedAndRaisedAsPositionUncoveredWithTheReason() {
        Instant older = Instant.now().minus(50, ChronoUnit.MINUTES);
        Instant younger = Instant.now().minus(20, ChronoUnit.MINUTES);
        String oldFill = Desk.buy(session, "extended", pair, "0.5", "2000", older);
        String youngFill = Desk.buy(session, "extended", pair, "0.5", "2000", younger);
        extended.book(market, "1990", "1991");
        extended.position(market, "0.6");

        PairOutcome first = settle(Instant.now());

        assertThat(first.placed()).as("only what the account holds").isEqualTo(1);
        assertThat(Desk.takeProfits(session, "LIVE")).singleElement().satisfies(tp ->
                assertThat(tp.get("fillId")).isEqualTo(oldFill));
        assertThat(extended.createRequestBodies()).hasSize(1);
        List<String> shortfalls = transactions.reads().list("select f.trade_id || ' ' || s.needed_qty || ' '"
                + " || s.held_qty || ' ' || s.venue from tp_shortfall s join mm_fill f using (fill_key)"
                + " where s.session_id = $1", Tuple.of(session), r -> r.getString(0));
        assertThat(shortfalls).singleElement().satisfies(s ->
                assertThat(s).startsWith(youngFill + " 0.5").contains("extended"));
        List<PositionUncovered> raised = events.read(Topics.MM_SETTLEMENT.name(), PositionUncovered.class,
                u -> u.sessionId().equals(session) && u.reason() != null, 1, WAIT);
        assertThat(raised).singleElement().satisfies(u -> {
            assertThat(u.fillId()).isEqualTo(youngFill);
            assertThat(u.uncoveredQuantity()).isEqualByComparingTo("0.5");
            assertThat(u.reason()).contains("would sell 0.5").contains("holds 0.1");
        });
        assertThat(events.read(Topics.MM_SETTLEMENT.name(), PositionUncovered.class,
                u -> u.sessionId().equals(session) && u.fillId().equals(oldFill), 1, WAIT))
                .singleElement().satisfies(u -> assertThat(u.reason()).as("covered: no reason").isNull());

        extended.position(market, "1.0");
        PairOutcome second = settle(Instant.now());

        assertThat(second.placed()).isEqualTo(1);
        assertThat(Desk.takeProfits(session, "LIVE")).hasSize(2);
        assertThat(transactions.reads().list("select 1 from tp_shortfall where session_id = $1", Tuple.of(session),
                r -> r.getInteger(0))).as("cleared once covered").isEmpty();
        assertThat(events.read(Topics.MM_SETTLEMENT.name(), TakeProfitPlaced.class,
                p -> p.sessionId().equals(session), 2, WAIT)).hasSize(2);
    }

    private PairOutcome settle(Instant now) {
        PairSettler settler = new PairSettler(transactions, takeProfits, venue, planner, settlementEvents, 200,
                Clock.fixed(now, ZoneOffset.UTC));
        return settler.settle(new SessionPair(session, "extended", pair), pairs.rules(pair), false, UUID.randomUUID(),
                false);
    }
}
