package io.tideline.analytics.rebalance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.events.EventType;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From lp-tracker's events on the real broker to kept suggestions: pool prices recorded into bars once (a redelivered
 * price changes nothing), suggestions made for a live position from them, and followed when the position is closed
 * and a new one minted near the suggested range; bad input refused naming the field.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RebalanceFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MANAGER = "0xc36442b4a4522e871399cd717abdd847ab11fe88";
    private static final String OWNER = "0x2222222222222222222222222222222222222222";
    private static final TokenRef TOKEN0 = new TokenRef("0x1111111111111111111111111111111111111111", "AAA", 18);
    private static final TokenRef TOKEN1 = new TokenRef("0x3333333333333333333333333333333333333333", "USDC", 18);
    private static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000_000L);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void recordsPricesOnceSuggestsRangesAndNoticesTheOneFollowed() {
        String address = String.format("0x%040x", new BigInteger(150, ThreadLocalRandom.current()));
        String pool = "31337:" + address;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant first = now.minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES).plusSeconds(10);

        // three prices with their swaps; the first delivered twice
        EventEnvelope<PriceObserved> a = price(pool, first, 0, "1000");
        publish(a);
        publish(a);
        publish(price(pool, first.plusSeconds(3600), 60, "500"));
        publish(price(pool, first.plusSeconds(7200), 0, "250"));
        JsonPath minutes = await().atMost(WAIT).until(() -> bars(pool, "M1", first.minusSeconds(60)),
                j -> j.getList("$").size() == 121);
        assertThat(minutes.getString("[0].volume1In")).isEqualTo("1000"); // once, not twice
        assertThat(minutes.getInt("[0].swaps")).isEqualTo(1);
        assertThat(minutes.getString("[1].volume1In")).isEqualTo("0"); // a minute without swaps repeats the close
        assertThat(minutes.getInt("[60].closeTick")).isEqualTo(60);
        assertThat(minutes.getString("[60].liquidity")).isEqualTo("3000000000000000000");
        List<String> hourly = bars(pool, "H1", first.minusSeconds(3600)).getList("volume1In", String.class);
        assertThat(hourly.stream().mapToLong(Long::parseLong).sum()).isEqualTo(1750);

        // a live position in the pool: 10^18 of liquidity over [−600, 600] at price 1
        PositionRef old = position();
        publish(EventEnvelope.of("lp-tracker", old.key(), null, new LpMinted(old, OWNER, address, TOKEN0, TOKEN1,
                3000, -600, 600, new BigInteger("1000000000000000000"), new BigInteger("30000000000000000"),
                new BigInteger("30000000000000000"), Q96, BigDecimal.ONE, at(now.minusSeconds(600)))));
        await().atMost(WAIT).until(() -> given().get("/api/v1/portfolio/strategies/" + old.key()).statusCode() == 200);

        JsonPath made = given().post("/api/v1/analytics/suggestions/positions/" + old.key()).then().statusCode(201)
                .extract().jsonPath();
        assertThat(made.getList("suggestions.riskLevel")).containsExactly("CONSERVATIVE", "MODERATE", "AGGRESSIVE");
        assertThat(made.getString("plan.volumeToken1")).isEqualTo("1750");
        assertThat(made.getString("plan.capitalToken1")).isEqualTo("60000000000000000");
        int bars = made.getInt("plan.bars");
        assertThat(new BigDecimal(made.getString("suggestions[1].confidence"))).isEqualByComparingTo(
                BigDecimal.valueOf(bars).divide(BigDecimal.valueOf(720), 18, java.math.RoundingMode.HALF_EVEN)
                        .multiply(new BigDecimal("0.75")).setScale(4, java.math.RoundingMode.HALF_EVEN));
        assertThat(made.getString("suggestions[1].expectedFeeApr")).isNotNull();
        assertThat(made.getString("suggestions[1].status")).isEqualTo("OPEN");
        int lower = made.getInt("suggestions[1].tickLower");
        int upper = made.getInt("suggestions[1].tickUpper");

        given().get("/api/v1/analytics/suggestions/positions/" + old.key()).then().statusCode(200)
                .body("size()", equalTo(3)).body("[0].positionKey", equalTo(old.key()));
        given().get("/api/v1/analytics/suggestions/pools/" + pool).then().statusCode(200).body("size()", equalTo(3));

        // the desk closes the position and mints the moderate range, one tick spacing off
        PositionRef next = position();
        publish(EventEnvelope.of("lp-tracker", old.key(), null, new LpClosed(old, LpClosed.Reason.LIQUIDITY_REMOVED,
                new BigInteger("30000000000000000"), new BigInteger("30000000000000000"), BigInteger.ZERO,
                BigInteger.ZERO, BigDecimal.ZERO, at(now.plusSeconds(60)))));
        publish(EventEnvelope.of("lp-tracker", next.key(), null, new LpMinted(next, OWNER, address, TOKEN0, TOKEN1,
                3000, lower - 60, upper, new BigInteger("2000000000000000000"), new BigInteger("30000000000000000"),
                new BigInteger("30000000000000000"), Q96, BigDecimal.ONE, at(now.plusSeconds(120)))));
        JsonPath history = await().atMost(WAIT).until(
                () -> given().get("/api/v1/analytics/suggestions/positions/" + old.key() + "/history").jsonPath(),
                j -> "FOLLOWED".equals(j.getString("find { it.riskLevel == 'MODERATE' }.status")));
        assertThat(history.getString("find { it.riskLevel == 'MODERATE' }.followedBy")).isEqualTo(next.key());
        assertThat(history.getList("findAll { it.riskLevel != 'MODERATE' }.status"))
                .containsOnly("NOT_FOLLOWED");
        // same price since the mint, nothing held beyond the deposit: the followed position made nothing yet
        assertThat(history.getString("find { it.riskLevel == 'MODERATE' }.outcome.followedToken1")).isEqualTo("0");
        given().get("/api/v1/analytics/suggestions/pools/" + pool + "/history?limit=2").then().statusCode(200)
                .body("size()", equalTo(2));

        // a closed position gets no suggestion
        given().post("/api/v1/analytics/suggestions/positions/" + old.key()).then().statusCode(409);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().get("/api/v1/analytics/suggestions/positions/nope").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("positionKey"));
        given().post("/api/v1/analytics/suggestions/positions/1:0xabc:x").then().statusCode(400)
                .body("errors[0].field", equalTo("positionKey"));
        given().get("/api/v1/analytics/suggestions/pools/not-a-pool").then().statusCode(400)
                .body("errors[0].field", equalTo("pool"));
        given().queryParam("limit", 0).get("/api/v1/analytics/suggestions/positions/" + position().key() + "/history")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().post("/api/v1/analytics/suggestions/positions/" + position().key()).then().statusCode(404);
        given().get("/api/v1/analytics/series/bars").then().statusCode(400).body("errors[0].field", equalTo("pool"));
        given().queryParam("pool", "p").queryParam("interval", "M7").get("/api/v1/analytics/series/bars").then()
                .statusCode(400).body("errors[0].field", equalTo("interval"));
        given().contentType(ContentType.JSON).body(Map.of("pool", "p", "interval", "M1", "decimals0", 18,
                "decimals1", 6, "csv", "start,open\nx,1\n")).post("/api/v1/analytics/series/bars").then()
                .statusCode(400).body("errors[0].field", equalTo("csv"));
    }

    @Test
    void importedBarsAreReadBackFromTheSameStore() {
        String pool = "csv-" + IDS.incrementAndGet();
        String csv = "start,open,high,low,close,volume0,volume1,liquidity\n"
                + "2026-02-01T00:00:00Z,1,1,1,1,0,10,1000\n2026-02-01T00:01:00Z,1,1,1,1,2,0,1000\n";
        given().contentType(ContentType.JSON).body(Map.of("pool", pool, "interval", "M1", "decimals0", 0,
                "decimals1", 0, "csv", csv)).post("/api/v1/analytics/series/bars").then().statusCode(201)
                .body("bars", equalTo(2));
        JsonPath five = given().queryParam("pool", pool).queryParam("interval", "M5")
                .queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-02-01T01:00:00Z")
                .get("/api/v1/analytics/series/bars").then().statusCode(200).extract().jsonPath();
        assertThat(five.getList("$")).hasSize(1);
        assertThat(five.getString("[0].volume0In")).isEqualTo("2");
        assertThat(five.getString("[0].volume1In")).isEqualTo("10");
    }

    private static JsonPath bars(String pool, String interval, Instant from) {
        return given().queryParam("pool", pool).queryParam("interval", interval).queryParam("from", from.toString())
                .get("/api/v1/analytics/series/bars").then().statusCode(200).extract().jsonPath();
    }

    private static EventEnvelope<PriceObserved> price(String pool, Instant at, int tick, String volume1) {
        BigInteger sqrt = io.tideline.amm.TickMath.getSqrtRatioAtTick(tick);
        return EventEnvelope.of("lp-tracker", pool, null, new PriceObserved("uniswap-v3", pool,
                BigDecimal.ONE, sqrt, tick, IDS.incrementAndGet(), at, new BigInteger("3000000000000000000"),
                BigInteger.ZERO, new BigInteger(volume1), 1));
    }

    private static PositionRef position() {
        return new PositionRef(31337, MANAGER, Long.toString(IDS.incrementAndGet()));
    }

    private static ChainRef at(Instant time) {
        long block = IDS.incrementAndGet();
        String hash = String.format("0x%064x", block);
        return new ChainRef(block, hash, hash, 0, time);
    }

    private static <T extends EventPayload> void publish(EventEnvelope<T> envelope) {
        String topic = EventType.byName(envelope.type()).orElseThrow().topic().name();
        kafka.send(topic, envelope.key(), CODEC.encode(envelope));
    }
}
