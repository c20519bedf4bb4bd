package io.tideline.perp.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.tx.Transactions;
import io.tideline.perp.flow.ExtendedStandInResource;
import io.tideline.perp.market.PoolMarkets;
import io.tideline.perp.market.PoolPrices;
import io.tideline.perp.venue.MarketStats;
import io.tideline.perp.venue.paper.MarketPrices;
import io.tideline.perp.venue.paper.PaperVenue;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Extended market-data feed against a WireMock stand-in speaking Extended's stats format, on the real broker:
 * marks published once per change under the configured instrument, a re-poll of the same mark publishing nothing, a
 * market the venue does not answer for publishing nothing and showing DOWN while the others go on, and the paper
 * venue filling at the feed's mark.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ExtendedStandInResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = ExtendedStandInResource.ROLE, value = ExtendedStandInResource.FEEDS))
class MarketDataFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    private static KafkaTestClient kafka;
    private static WireMock venue;

    @Inject
    Transactions transactions;
    @Inject
    PoolPrices poolPrices;
    @Inject
    PoolMarkets poolMarkets;
    @Inject
    PublishedPrices publishedPrices;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        venue = ExtendedStandInResource.client();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void publishesEachNewMarkOnceUnderItsInstrumentAndNothingWhileTheVenueIsDown() {
        venue.register(get(urlPathEqualTo("/api/v1/info/markets/BTC-USD/stats")).willReturn(aResponse()
                .withStatus(503).withBody("upstream connect error")));
        venue.register(get(urlPathEqualTo("/api/v1/info/markets/ETH-USD/stats")).willReturn(okJson(
                stats("3087.35", "3087.45", "3087.40"))));

        EventEnvelope<?> first = prices("ETH-USD", 1).get(0);
        PriceObserved mark = (PriceObserved) first.payload();
        assertThat(mark.source()).isEqualTo("extended");
        assertThat(mark.instrument()).isEqualTo("ETH-USD");
        assertThat(mark.price()).isEqualByComparingTo("3087.40");
        assertThat(mark.sqrtPriceX96()).isNull(); // a venue price: settlement's paper book takes it, pool readers not
        assertThat(first.source()).isEqualTo("perp-hedger");
        assertThat(first.eventId()).isEqualTo(MarkObservation.eventId(mark));

        // re-polls of the same mark: read again and again, published once
        int before = venue.find(getRequestedFor(urlPathEqualTo("/api/v1/info/markets/ETH-USD/stats"))).size();
        await().atMost(WAIT).until(() -> venue.find(getRequestedFor(urlPathEqualTo(
                "/api/v1/info/markets/ETH-USD/stats"))).size() >= before + 5);
        assertThat(prices("ETH-USD", 2, Duration.ofSeconds(2))).hasSize(1);

        // the venue down for BTC-USD: nothing published for it, DOWN with the reason, not a crash
        assertThat(prices("BTC-USDC", 1, Duration.ofSeconds(1))).isEmpty();
        given().when().get("/q/health/group/market-data").then().statusCode(503)
                .body("checks[0].status", equalTo("DOWN"))
                .body("checks[0].data.BTC-USDC", containsString("DOWN: Extended did not give BTC-USD's stats"))
                .body("checks[0].data.ETH-USD", containsString("UP: mark 3087.4"));

        // a new mark is a new observation; BTC-USD answers again under its pair
        venue.register(get(urlPathEqualTo("/api/v1/info/markets/ETH-USD/stats")).willReturn(okJson(
                stats("3090.05", "3090.15", "3090.10"))));
        venue.register(get(urlPathEqualTo("/api/v1/info/markets/BTC-USD/stats")).willReturn(okJson(
                stats("97000.0", "97001.0", "97000.5"))));
        List<EventEnvelope<?>> eth = prices("ETH-USD", 2);
        assertThat(eth).extracting(e -> ((PriceObserved) e.payload()).price().toPlainString())
                .containsExactly("3087.4", "3090.1");
        assertThat(((PriceObserved) prices("BTC-USDC", 1).get(0).payload()).price()).isEqualByComparingTo("97000.5");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/health/group/market-data").then()
                .statusCode(200));

        // the paper venue fills at the feed's mark when the feed is on (and at the pool's price when it is off)
        PaperVenue paper = new PaperVenue(transactions, new MarketPrices(transactions.reads(), poolPrices,
                poolMarkets, publishedPrices, true), new BigDecimal("0.0005"), new BigDecimal("0.00025"));
        MarketStats quoted = paper.marketStats("ETH-USD");
        assertThat(quoted.markPrice()).isEqualByComparingTo("3090.1");
        assertThat(quoted.bidPrice()).isEqualByComparingTo("3088.55495"); // 3090.1 x (1 - 0.0005)
        assertThat(new MarketPrices(transactions.reads(), poolPrices, poolMarkets, publishedPrices, false)
                .price("ETH-USD")).isEmpty();
    }

    private static List<EventEnvelope<?>> prices(String instrument, int expected) {
        List<EventEnvelope<?>> found = prices(instrument, expected, WAIT);
        assertThat(found).as("PriceObserved for %s", instrument).hasSize(expected);
        return found;
    }

    private static List<EventEnvelope<?>> prices(String instrument, int expected, Duration wait) {
        return kafka.read(Topics.MARKET_PRICES.name(), r -> instrument.equals(r.key()), expected, wait).stream()
                .<EventEnvelope<?>>map(r -> CODEC.decode(r.value())).toList();
    }

    static String stats(String bid, String ask, String mark) {
        return """
                {"status":"OK","data":{"dailyVolume":"1000","dailyVolumeBase":"0.3","dailyPriceChange":"1.2",
                 "dailyLow":"3000","dailyHigh":"3100","lastPrice":"%s","askPrice":"%s","bidPrice":"%s",
                 "markPrice":"%s","indexPrice":"%s","fundingRate":"0.000013","nextFundingRate":1716192000000,
                 "openInterest":"100","openInterestBase":"0.03"}}""".formatted(mark, ask, bid, mark, mark);
    }
}
