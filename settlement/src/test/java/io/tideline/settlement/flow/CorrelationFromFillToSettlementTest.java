package io.tideline.settlement.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventIds;
import io.tideline.events.Topics;
import io.tideline.events.TradeSide;
import io.tideline.events.mm.FillRecorded;
import io.tideline.events.mm.PositionUncovered;
import io.tideline.events.mm.SessionSettled;
import io.tideline.events.mm.TakeProfitFilled;
import io.tideline.events.mm.TakeProfitPlaced;
import io.tideline.settlement.flow.SettlementEventsOnKafka.Delivered;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lineage: a fill's FillRecorded starts a chain, and every settlement event about the fill (PositionUncovered,
 * TakeProfitPlaced, TakeProfitFilled) and the SessionSettled of the session it opened carry its correlation id, in the
 * envelope and in the Kafka header, read back from Kafka as analytics and alerting would.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CorrelationFromFillToSettlementTest {

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
    void aFillRecordedsCorrelationIdRunsToItsTakeProfitItsTakeProfitFillAndItsSessionSettled() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        String chain = "desk-order-" + UUID.randomUUID();
        FillRecorded fill = new FillRecorded(session, pair, "okx", "o-" + session, "t-" + session, TradeSide.BUY,
                BigDecimal.ONE, new BigDecimal("2000"), new BigDecimal("0.2"), "USDC",
                Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS));
        EventEnvelope<FillRecorded> recorded = EventEnvelope.of("market-maker", session + ":" + pair, chain, fill);
        kafka.send(Topics.MM_FILLS.name(), recorded.key(), CODEC.encode(recorded));
        Awaitility.await().atMost(WAIT).until(() -> given().when().get("/api/v1/sessions/" + session).then()
                .extract().statusCode() == 200);

        Desk.book(pair, "1995", "1996");
        assertThat(Desk.run(session).getInt("ordersPlaced")).isEqualTo(1);
        Desk.book(pair, "2010", "2011");
        assertThat(Desk.run(session).getInt("takeProfitsFilled")).isEqualTo(1);

        List<Delivered<?>> chainOfTheFill = new ArrayList<>();
        chainOfTheFill.addAll(events.delivered(Topics.MM_SETTLEMENT.name(), PositionUncovered.class,
                p -> p.sessionId().equals(session), 1, WAIT));
        List<Delivered<TakeProfitPlaced>> placed = events.delivered(Topics.MM_SETTLEMENT.name(),
                TakeProfitPlaced.class, p -> p.sessionId().equals(session), 1, WAIT);
        chainOfTheFill.addAll(placed);
        chainOfTheFill.addAll(events.delivered(Topics.MM_SETTLEMENT.name(), TakeProfitFilled.class,
                p -> p.sessionId().equals(session), 1, WAIT));
        chainOfTheFill.addAll(events.delivered(Topics.MM_SETTLEMENT.name(), SessionSettled.class,
                p -> p.sessionId().equals(session), 2, WAIT));

        assertThat(chainOfTheFill).hasSize(5).allSatisfy(d -> {
            assertThat(d.envelope().correlationId()).isEqualTo(chain);
            assertThat(d.correlationHeader()).isEqualTo(chain);
        });
        TakeProfitPlaced tp = placed.get(0).envelope().payload();
        assertThat(placed.get(0).envelope().eventId()).as("derived from the fill's event and the order")
                .isEqualTo(EventIds.causedBy(recorded.eventId(), "tp-placed", tp.clientOrderId()));
    }

    @Test
    void aFillPostedThroughTheApiStartsAChainItsTakeProfitAndSessionSettledCarry() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        String tradeId = Desk.buy(session, "binance", pair, "1", "2000", Instant.now().minusSeconds(60));
        Desk.book(pair, "1995", "1996");
        Desk.run(session);

        EventEnvelope<FillRecorded> recorded = events.delivered(Topics.MM_FILLS.name(), FillRecorded.class,
                f -> f.sessionId().equals(session), 1, WAIT).get(0).envelope();
        assertThat(recorded.eventId()).isEqualTo(EventIds.of("mm-fill", "binance", "o" + tradeId, tradeId));
        String chain = EventEnvelope.correlationOf(recorded);
        assertThat(chain).isEqualTo(recorded.eventId().toString());
        assertThat(events.delivered(Topics.MM_SETTLEMENT.name(), TakeProfitPlaced.class,
                p -> p.sessionId().equals(session), 1, WAIT)).singleElement()
                .satisfies(d -> assertThat(d.envelope().correlationId()).isEqualTo(chain));
        assertThat(events.delivered(Topics.MM_SETTLEMENT.name(), SessionSettled.class,
                p -> p.sessionId().equals(session), 1, WAIT)).singleElement()
                .satisfies(d -> assertThat(d.envelope().correlationId()).isEqualTo(chain));
    }
}
