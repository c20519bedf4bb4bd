package io.tideline.analytics.backtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tideline.amm.TickMath;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.PoolBarStore;
import io.tideline.analytics.market.PoolSeries;
import io.tideline.analytics.suggestion.RangeSearch;
import io.tideline.analytics.suggestion.RangeSuggestion;
import io.tideline.analytics.suggestion.WalkForwardPlan;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventType;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backtests and range searches over the series store: pool prices published on {@code market.prices} as lp-tracker
 * publishes them, recorded into one-minute bars by the {@code pool-series} consumer, then a backtest and a range
 * search whose {@code source} names the pool and window. Each answer equals the backtester (or the search) run by hand
 * on the bars the store holds; a bad source is a 400 naming its field.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RecordedSeriesBacktestTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int MINUTES = 30;
    private static final BigInteger LIQUIDITY = new BigInteger("5000000000000000000000");
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000_000L);
    private static KafkaTestClient kafka;

    @Inject
    PoolBarStore store;
    @Inject
    Transactions transactions;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aBacktestAndARangeSearchRunOnRecordedPrices() {
        String pool = "31337:" + String.format("0x%040x", new BigInteger(150, ThreadLocalRandom.current()));
        Instant from = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        Instant to = from.plusSeconds(60L * MINUTES);
        Random random = new Random(15);
        int tick = 0;
        for (int i = 0; i < MINUTES; i++) {
            tick += random.nextInt(121) - 60;
            publish(price(pool, from.plusSeconds(60L * i + 20), tick, random.nextInt(5) + 1));
        }
        await().atMost(WAIT).until(() -> given().queryParam("pool", pool).queryParam("interval", "M1")
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/analytics/series/bars").jsonPath().getList("$").size() == MINUTES);
        List<Bar> recorded = store.bars(transactions.reads(), pool, BarInterval.M1, from, to);
        assertThat(recorded).hasSize(MINUTES);
        PoolSeries series = new PoolSeries(pool, 3000, 60, 18, 18, BarInterval.M1, recorded);

        Response started = given().contentType(ContentType.JSON).body(backtest(source(pool, from, to)))
                .post("/api/v1/analytics/backtests");
        started.then().statusCode(202).body("job.steps", equalTo(MINUTES - 1));
        String location = started.header("Location");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(given().get(location).jsonPath().getString("job.status")));
        JsonPath done = given().get(location).jsonPath();
        BacktestResult expected = Backtester.run(strategy(pool, 120), series);
        assertThat(expected.fees0().add(expected.fees1())).isPositive();
        assertThat(new BigInteger(done.getString("result.fees0"))).isEqualTo(expected.fees0());
        assertThat(new BigInteger(done.getString("result.fees1"))).isEqualTo(expected.fees1());
        assertThat(new BigDecimal(done.getString("result.endEquity"))).isEqualTo(expected.endEquity());
        assertThat(done.getList("result.actions")).hasSize(expected.actions().size());

        Map<String, Object> search = new LinkedHashMap<>();
        search.put("pair", "AAA/USDC");
        search.put("decimals0", 18);
        search.put("decimals1", 18);
        search.put("interval", "M1");
        search.put("capital", "1000000000000000000");
        search.put("rebalance", Map.of("type", "OUT_OF_RANGE_FOR", "after", "PT5M"));
        search.put("halfWidths", List.of(60, 240, 600));
        search.put("trainBars", 10);
        search.put("testBars", 5);
        search.put("pools", List.of(Map.of("pool", pool, "feePips", 3000, "tickSpacing", 60,
                "source", source(pool, from, to))));
        JsonPath suggested = given().contentType(ContentType.JSON).body(search)
                .post("/api/v1/analytics/suggestions/ranges").then().statusCode(201).extract().jsonPath();
        RangeSuggestion byHand = RangeSearch.suggest(List.of(series), List.of(60, 240, 600), strategy(pool, 60),
                new WalkForwardPlan(10, 5));
        assertThat(suggested.getInt("suggestion.halfWidth")).isEqualTo(byHand.halfWidth());
        assertThat(suggested.getList("suggestion.folds")).hasSize(byHand.folds().size()).hasSize(4);
        assertThat(new BigDecimal(suggested.getString("suggestion.meanTestReturn")))
                .isEqualTo(byHand.meanTestReturn());
    }

    @Test
    void aBadSourceIsAProblemNamingTheField() {
        String pool = "31337:0x" + "0".repeat(39) + "1";
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = from.plusSeconds(3600);
        Map<String, Object> both = backtest(source(pool, from, to));
        both.put("csv", "start,open,high,low,close,volume0,volume1,liquidity\n");
        expectField("/api/v1/analytics/backtests", both, "source");
        expectField("/api/v1/analytics/backtests", backtest(Map.of("pool", pool, "from", "yesterday",
                "to", to.toString())), "source.from");
        expectField("/api/v1/analytics/backtests", backtest(source(pool, to, from)), "source.to");
        expectField("/api/v1/analytics/backtests", backtest(Map.of("pool", "no pool!", "from", from.toString(),
                "to", to.toString())), "source.pool");
        expectField("/api/v1/analytics/backtests", backtest(source(pool, from, from.plus(Duration.ofDays(400)))),
                "source.to");
        expectField("/api/v1/analytics/backtests", backtest(source(pool, from, to)), "source"); // nothing stored
        expectField("/api/v1/analytics/backtests", backtest("a string"), "source");

        Map<String, Object> search = new LinkedHashMap<>();
        search.put("pair", "AAA/USDC");
        search.put("decimals0", 18);
        search.put("decimals1", 18);
        search.put("interval", "M1");
        search.put("capital", "1000000000000000000");
        search.put("rebalance", Map.of("type", "OUT_OF_RANGE_FOR", "after", "PT5M"));
        search.put("halfWidths", List.of(60));
        search.put("trainBars", 10);
        search.put("testBars", 5);
        search.put("pools", List.of(Map.of("pool", pool, "feePips", 3000, "tickSpacing", 60,
                "source", Map.of("pool", pool, "from", from.toString()))));
        expectField("/api/v1/analytics/suggestions/ranges", search, "pools[0].source.to");
    }

    private static void expectField(String path, Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    private static Map<String, Object> source(String pool, Instant from, Instant to) {
        return Map.of("pool", pool, "from", from.toString(), "to", to.toString());
    }

    private static Map<String, Object> backtest(Object source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "recorded");
        body.put("pool", "recorded-pool");
        body.put("feePips", 3000);
        body.put("tickSpacing", 60);
        body.put("decimals0", 18);
        body.put("decimals1", 18);
        body.put("interval", "M1");
        body.put("capital", "1000000000000000000");
        body.put("range", Map.of("type", "FIXED_WIDTH", "halfWidth", 120));
        body.put("rebalance", Map.of("type", "OUT_OF_RANGE_FOR", "after", "PT5M"));
        body.put("source", source);
        return body;
    }

    private static Strategy strategy(String pool, int halfWidth) {
        return new Strategy(pool, 3000, new RangeRule.FixedWidth(halfWidth),
                new RebalanceRule.OutOfRangeFor(Duration.ofMinutes(5)), null, Costs.NONE,
                new BigInteger("1000000000000000000"));
    }

    /** One sync pass of lp-tracker: the pool's price after {@code swaps} swaps that paid in both tokens. */
    private static EventEnvelope<PriceObserved> price(String pool, Instant at, int tick, int swaps) {
        BigInteger volume = BigInteger.TEN.pow(17).multiply(BigInteger.valueOf(swaps));
        return EventEnvelope.of("lp-tracker", pool, null, new PriceObserved("uniswap-v3", pool, BigDecimal.ONE,
                TickMath.getSqrtRatioAtTick(tick), tick, IDS.incrementAndGet(), at, LIQUIDITY, volume, volume,
                swaps));
    }

    private static void publish(EventEnvelope<PriceObserved> envelope) {
        String topic = EventType.byName(envelope.type()).orElseThrow().topic().name();
        kafka.send(topic, envelope.key(), CODEC.encode(envelope));
    }
}
