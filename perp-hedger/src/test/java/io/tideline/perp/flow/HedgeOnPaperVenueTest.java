package io.tideline.perp.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.events.Topics;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.events.perp.HedgeClosed;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.HedgeRequested;
import io.tideline.messaging.kafka.Headers;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hedger on its paper venue, driven by lp-tracker's events on Kafka: fills at the pool's latest price less the
 * slippage, with the taker fee; delta-band re-hedging on LpValued with its daily cap; a mint undone by a reorg has its
 * hedge bought back.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PaperVenueResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HedgeOnPaperVenueTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final BigInteger WETH = BigInteger.TEN.pow(18);
    private static final BigInteger USDC = BigInteger.TEN.pow(6);
    private static final AtomicLong TOKEN_IDS = new AtomicLong(700);

    private static KafkaTestClient kafka;
    private static LpEvents lp;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        lp = new LpEvents(kafka);
        // The pool's price, as lp-tracker publishes it: 2500 USDC per WETH.
        PriceObserved price = new PriceObserved("uniswap-v3", ExtendedStandInResource.CHAIN_ID + ":"
                + ExtendedStandInResource.POOL, new BigDecimal("2500"), new BigInteger("3961408125713216879677197"),
                78_244, 1_000L, Instant.now().truncatedTo(ChronoUnit.MICROS));
        EventEnvelope<PriceObserved> envelope = EventEnvelope.of("lp-tracker", price.instrument(), null, price);
        kafka.send(Topics.MARKET_PRICES.name(), envelope.key(), CODEC.encode(envelope));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void fillsAtThePoolPriceLessSlippageAndReHedgesOutsideTheBandUpToTheDailyCap() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        lp.minted(position, WETH.multiply(BigInteger.TWO), USDC.multiply(BigInteger.valueOf(5000)));
        HedgeFilled open = all(position, HedgeFilled.class, 1).get(0);
        assertThat(open.side()).isEqualTo(TradeSide.SELL);
        assertThat(open.filledQuantity()).isEqualByComparingTo("2");
        assertThat(open.averagePrice()).isEqualByComparingTo("2498.75"); // 2500 x (1 - 0.0005)
        assertThat(open.fee()).isEqualByComparingTo("1.249375"); // 2 x 2498.75 x 0.00025
        assertThat(open.orderId()).matches("\\d{16,}"); // paper ids start above 2^53
        assertThat(Long.parseLong(open.orderId())).isGreaterThan(1L << 53);

        // Within the band (2.1 vs 2: 5 %): nothing. Outside (2.5: 25 %): sell 0.5 more.
        lp.send(position, valued(position, "2.1"));
        lp.send(position, valued(position, "2.5"));
        List<HedgeFilled> fills = all(position, HedgeFilled.class, 2);
        assertThat(fills).hasSize(2);
        assertThat(fills.get(1).side()).isEqualTo(TradeSide.SELL);
        assertThat(fills.get(1).filledQuantity()).isEqualByComparingTo("0.5");
        assertThat(fills.get(1).step()).isEqualTo(1);

        // Down to 1.5: buy 1 back (reduce-only); that is the second re-hedge of the day, the cap.
        lp.send(position, valued(position, "1.5"));
        fills = all(position, HedgeFilled.class, 3);
        assertThat(fills.get(2).side()).isEqualTo(TradeSide.BUY);
        assertThat(fills.get(2).filledQuantity()).isEqualByComparingTo("1");
        lp.send(position, valued(position, "3"));
        assertThat(all(position, HedgeFilled.class, 4, Duration.ofSeconds(3))).hasSize(3);

        String hedgeId = open.hedgeId();
        String openQty = given().when().get("/api/v1/hedges/" + hedgeId).then().statusCode(200)
                .body("hedge.status", equalTo("OPEN")).extract().path("hedge.openQty").toString();
        assertThat(new BigDecimal(openQty)).isEqualByComparingTo("1.5");
    }

    @Test
    void aMintUndoneByAReorgHasItsHedgeBoughtBack() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        EventEnvelope<LpMinted> mint = lp.minted(position, WETH, USDC.multiply(BigInteger.valueOf(2500)));
        HedgeFilled open = all(position, HedgeFilled.class, 1).get(0);
        assertThat(open.filledQuantity()).isEqualByComparingTo("1");

        LpMinted minted = mint.payload();
        lp.send(position, new LpFactRetracted(position, mint.eventId(), "LpMinted", minted.at(),
                minted.at().blockNumber() - 1));
        HedgeClosed closed = all(position, HedgeClosed.class, 1).get(0);
        assertThat(closed.closedQuantity()).isEqualByComparingTo("1");
        assertThat(closed.averagePrice()).isEqualByComparingTo("2501.25"); // 2500 x (1 + 0.0005)
        assertThat(closed.realizedPnl()).isEqualByComparingTo("-2.5"); // sold at 2498.75, bought at 2501.25
        given().when().get("/api/v1/hedges/" + closed.hedgeId()).then().body("hedge.status", equalTo("CLOSED"))
                .body("hedge.lpState", equalTo("RETRACTED"));
    }

    @Test
    void oneMintAndItsHedgeFilledShareTheCorrelationId() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        EventEnvelope<LpMinted> mint = lp.minted(position, WETH, USDC.multiply(BigInteger.valueOf(2500)));
        String correlation = mint.eventId().toString(); // lp-tracker's mint starts its chain

        EventEnvelope<?> filled = envelopes(position, HedgeFilled.class, 1).get(0);
        EventEnvelope<?> requested = envelopes(position, HedgeRequested.class, 1).get(0);
        assertThat(requested.correlationId()).isEqualTo(correlation);
        assertThat(filled.correlationId()).isEqualTo(correlation);
        assertThat(headers(position, HedgeFilled.class)).isEqualTo(correlation);

        // A mint that is itself part of a chain (it carries a correlation id) passes that one on.
        PositionRef chained = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        EventEnvelope<LpMinted> second = lp.send(EventEnvelope.of("lp-tracker", chained.key(), "chain-log-77",
                LpEvents.mint(chained, ExtendedStandInResource.POOL, WETH, USDC.multiply(BigInteger.valueOf(2500)))));
        assertThat(envelopes(chained, HedgeFilled.class, 1).get(0).correlationId())
                .isEqualTo(second.correlationId()).isEqualTo("chain-log-77");
    }

    @Test
    void anUnhedgedPositionShowsItsLpClosedOnceItIsBurned() {
        PositionRef position = LpEvents.position(Long.toString(TOKEN_IDS.incrementAndGet()));
        lp.send(position, LpEvents.mint(position, "0x1111111111111111111111111111111111111111", WETH,
                USDC.multiply(BigInteger.valueOf(2500))));
        await().atMost(WAIT).until(() -> "UNHEDGED".equals(hedgeField(position, "status")));
        assertThat(hedgeField(position, "lpState")).isEqualTo("OPEN");

        lp.closed(position);

        await().atMost(WAIT).until(() -> "CLOSED".equals(hedgeField(position, "lpState")));
        assertThat(hedgeField(position, "status")).isEqualTo("UNHEDGED");
    }

    private static String hedgeField(PositionRef position, String field) {
        return given().queryParam("positionKey", position.key()).when().get("/api/v1/hedges").then()
                .statusCode(200).extract().path("[0]." + field);
    }

    private static List<EventEnvelope<?>> envelopes(PositionRef position, Class<? extends EventPayload> type,
            int expected) {
        List<EventEnvelope<?>> found = kafka.read(Topics.PERP_HEDGES.name(), r -> position.key().equals(r.key())
                        && type.isInstance(CODEC.decode(r.value()).payload()), expected, WAIT)
                .stream().<EventEnvelope<?>>map(r -> CODEC.decode(r.value())).toList();
        assertThat(found).as("%s for %s", type.getSimpleName(), position.key()).hasSizeGreaterThanOrEqualTo(expected);
        return found;
    }

    /** The correlation id header the relay wrote on the first record of that type. */
    private static String headers(PositionRef position, Class<? extends EventPayload> type) {
        return kafka.read(Topics.PERP_HEDGES.name(), r -> position.key().equals(r.key())
                        && type.isInstance(CODEC.decode(r.value()).payload()), 1, WAIT).stream()
                .map(r -> new String(r.headers().lastHeader(Headers.CORRELATION_ID).value(),
                        StandardCharsets.UTF_8))
                .findFirst().orElse(null);
    }

    private static LpValued valued(PositionRef position, String weth) {
        BigInteger amount0 = new BigDecimal(weth).movePointRight(18).toBigIntegerExact();
        return new LpValued(position, 1_100, new BigInteger("3961408125713216879677197"), 78_244,
                new BigInteger("1000000000000"), amount0, USDC.multiply(BigInteger.valueOf(5000)), BigInteger.ZERO,
                BigInteger.ZERO, new BigDecimal("2500"), new BigDecimal("10000"), BigDecimal.ZERO,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static <T extends EventPayload> List<T> all(PositionRef position, Class<T> type, int expected) {
        return all(position, type, expected, WAIT);
    }

    private static <T extends EventPayload> List<T> all(PositionRef position, Class<T> type, int expected,
            Duration wait) {
        List<T> found = kafka.read(Topics.PERP_HEDGES.name(), r -> position.key().equals(r.key())
                        && type.isInstance(CODEC.decode(r.value()).payload()), expected, wait)
                .stream().map(r -> type.cast(CODEC.decode(r.value()).payload())).toList();
        assertThat(found.size()).as("%s for %s", type.getSimpleName(), position.key())
                .isGreaterThanOrEqualTo(Math.min(expected, 1));
        return found;
    }
}
