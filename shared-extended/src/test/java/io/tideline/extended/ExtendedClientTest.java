package io.tideline.extended;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The venue-generic calls of {@link ExtendedClient} against a WireMock stand-in speaking Extended's documented JSON:
 * market rules, maker (post-only, replacing) orders, cancellation, open orders, balance, order book, funding rates.
 * perp-hedger's {@code venue/extended} tests cover market orders, lookups, fills, positions and failures through it.
 */
class ExtendedClientTest {

    @RegisterExtension
    static WireMockExtension extended = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String API = "/api/v1";
    private static final String API_KEY = "test-api-key-3f9a";
    private static final Instant NOW = Instant.parse("2024-05-20T08:00:00Z");
    private static final long NONCE = 1_473_459_052L;
    private static final StandInOrderSigner SIGNER =
            new StandInOrderSigner("stand-in-key".getBytes(StandardCharsets.UTF_8), 100_042L);
    private static final ExtendedMarket ETH_USD = new ExtendedMarket("ETH-USD", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.1"), "0x4554482d3400000000000000000000", 10_000L, "0x1",
            1_000_000L);

    private static final String MARKETS = """
            {"status": "OK", "data": [{
              "name": "ETH-USD", "active": true, "status": "ACTIVE",
              "tradingConfig": {"minOrderSize": "0.01", "minOrderSizeChange": "0.001", "minPriceChange": "0.1"},
              "l2Config": {"type": "STARKX", "collateralId": "0x1", "collateralResolution": 1000000,
                           "syntheticId": "0x4554482d3400000000000000000000", "syntheticResolution": 10000}
            }]}""";

    private ExtendedClient client() {
        ExtendedSettings settings = new ExtendedSettings(URI.create(extended.baseUrl() + API), API_KEY,
                Duration.ofSeconds(2), new BigDecimal("0.0075"), new BigDecimal("0.0005"), Duration.ofHours(1));
        return new ExtendedClient(settings, SIGNER, "tideline-settlement", Clock.fixed(NOW, ZoneOffset.UTC),
                () -> NONCE);
    }

    @Test
    void readsTheMarketRulesAndSettlementAssetsOnce() {
        extended.stubFor(get(urlPathEqualTo(API + "/info/markets")).willReturn(okJson(MARKETS)));
        ExtendedClient client = client();

        assertThat(client.market("ETH-USD")).isEqualTo(ETH_USD);
        assertThat(client.market("ETH-USD")).isEqualTo(ETH_USD);
        extended.verify(1, getRequestedFor(urlPathEqualTo(API + "/info/markets"))
                .withQueryParam("market", equalTo("ETH-USD"))
                .withHeader("X-Api-Key", equalTo(API_KEY))
                .withHeader("User-Agent", equalTo("tideline-settlement")));
    }

    @Test
    void sendsASignedPostOnlyLimitThatReplacesAnOpenOrder() {
        extended.stubFor(get(urlPathEqualTo(API + "/info/markets")).willReturn(okJson(MARKETS)));
        extended.stubFor(post(urlPathEqualTo(API + "/user/order")).willReturn(okJson(
                "{\"status\":\"OK\",\"data\":{\"id\":1834567890123456790,\"externalId\":\"mm-quote-2\"}}")));

        ExtendedPlacedOrder placed = client().placeOrder(ExtendedOrderRequest.postOnlyLimit("mm-quote-2", "ETH-USD",
                TradeSide.BUY, new BigDecimal("0.250"), new BigDecimal("3080.1"), "mm-quote-1"));

        assertThat(placed).isEqualTo(new ExtendedPlacedOrder("1834567890123456790", "mm-quote-2"));
        OrderSettlement settlement = SIGNER.sign(new SignableOrder(ETH_USD, TradeSide.BUY, new BigDecimal("0.250"),
                new BigDecimal("3080.1"), new BigDecimal("0.0005"), NONCE, NOW.plus(Duration.ofHours(1))));
        extended.verify(postRequestedFor(urlPathEqualTo(API + "/user/order"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {
                          "id": "mm-quote-2",
                          "market": "ETH-USD",
                          "type": "LIMIT",
                          "side": "BUY",
                          "qty": "0.250",
                          "price": "3080.1",
                          "timeInForce": "GTT",
                          "expiryEpochMillis": 1716195600000,
                          "fee": "0.0005",
                          "nonce": "1473459052",
                          "reduceOnly": false,
                          "postOnly": true,
                          "selfTradeProtectionLevel": "ACCOUNT",
                          "cancelId": "mm-quote-1",
                          "settlement": {
                            "signature": {"r": "%s", "s": "%s"},
                            "starkKey": "%s",
                            "collateralPosition": "100042"
                          }
                        }
                        """.formatted(settlement.signatureR(), settlement.signatureS(),
                        StandInOrderSigner.STAND_IN_STARK_KEY))));
    }

    @Test
    void refusesAPriceOffTheStepWithoutSendingIt() {
        extended.stubFor(get(urlPathEqualTo(API + "/info/markets")).willReturn(okJson(MARKETS)));

        assertThatThrownBy(() -> client().placeOrder(ExtendedOrderRequest.postOnlyLimit("mm-quote-3", "ETH-USD",
                TradeSide.SELL, new BigDecimal("0.250"), new BigDecimal("3080.15"), null)))
                .isInstanceOfSatisfying(ExtendedRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_PRICE");
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).isEqualTo("price 3080.15 is not accepted by ETH-USD: steps of 0.1");
                });
        extended.verify(0, postRequestedFor(urlPathEqualTo(API + "/user/order")));
    }

    @Test
    void aPostOnlyOrderMustBeAGttLimit() {
        assertThatThrownBy(() -> new ExtendedOrderRequest("x", "ETH-USD", ExtendedOrderRequest.Type.MARKET,
                TradeSide.BUY, BigDecimal.ONE, BigDecimal.ONE, ExtendedOrderRequest.TimeInForce.IOC, false, true, null))
                .hasMessage("a post-only order must be a GTT limit order");
    }

    @Test
    void cancelsAnOrderByItsId() {
        extended.stubFor(delete(urlPathEqualTo(API + "/user/order/1834567890123456790"))
                .willReturn(okJson("{\"status\":\"OK\"}")));

        client().cancelOrder("1834567890123456790");

        extended.verify(1, deleteRequestedFor(urlPathEqualTo(API + "/user/order/1834567890123456790"))
                .withHeader("X-Api-Key", equalTo(API_KEY)));
    }

    @Test
    void cancellingAnUnknownOrderIsRejected() {
        extended.stubFor(delete(urlPathEqualTo(API + "/user/order/1")).willReturn(aResponse().withStatus(404)
                .withBody("{\"status\":\"ERROR\",\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Order not found\"}}")));

        assertThatThrownBy(() -> client().cancelOrder("1"))
                .isInstanceOfSatisfying(ExtendedRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("NOT_FOUND");
                });
    }

    @Test
    void readsOpenOrdersWithTheirLimitPrices() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/orders")).willReturn(okJson("""
                {"status": "OK", "data": [{
                  "id": 1834567890123456790, "accountId": 1834567890123450001, "externalId": "mm-quote-2",
                  "market": "ETH-USD", "type": "LIMIT", "side": "BUY", "status": "PARTIALLY_FILLED",
                  "price": "3080.1", "averagePrice": "3080.1", "qty": "0.250", "filledQty": "0.100",
                  "payedFee": "0.0308010", "reduceOnly": false, "postOnly": true,
                  "createdTime": 1716191880000, "updatedTime": 1716191885000, "timeInForce": "GTT"
                }]}""")));

        assertThat(client().openOrders("ETH-USD")).singleElement().satisfies(order -> {
            assertThat(order.orderId()).isEqualTo("1834567890123456790");
            assertThat(order.type()).isEqualTo("LIMIT");
            assertThat(order.side()).isEqualTo(TradeSide.BUY);
            assertThat(order.price()).isEqualTo(new BigDecimal("3080.1"));
            assertThat(order.filledQty()).isEqualTo(new BigDecimal("0.100"));
            assertThat(order.fee()).isEqualTo(new BigDecimal("0.0308010"));
            assertThat(order.terminal()).isFalse();
        });
        extended.verify(getRequestedFor(urlPathEqualTo(API + "/user/orders"))
                .withQueryParam("market", equalTo("ETH-USD")));
    }

    @Test
    void readsTheBalanceAndNoBalanceAsEmpty() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/balance")).willReturn(okJson("""
                {"status": "OK", "data": {
                  "collateralName": "USD", "balance": "13500.000000", "equity": "12000.123456",
                  "availableForTrade": "11000", "availableForWithdrawal": "10000", "unrealisedPnl": "-1499.876544",
                  "initialMargin": "1000", "marginRatio": "0.0833", "updatedTime": 1716191880000
                }}""")));

        ExtendedBalance balance = client().balance().orElseThrow();

        assertThat(balance).isEqualTo(new ExtendedBalance("USD", new BigDecimal("13500.000000"),
                new BigDecimal("12000.123456"), new BigDecimal("11000"), new BigDecimal("10000"),
                new BigDecimal("-1499.876544"), new BigDecimal("1000"), new BigDecimal("0.0833"),
                Instant.ofEpochMilli(1716191880000L)));

        extended.stubFor(get(urlPathEqualTo(API + "/user/balance")).willReturn(aResponse().withStatus(404)
                .withBody("{\"status\":\"ERROR\",\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No balance\"}}")));
        assertThat(client().balance()).isEmpty();
    }

    @Test
    void readsTheOrderBookBestFirst() {
        extended.stubFor(get(urlPathEqualTo(API + "/info/markets/ETH-USD/orderbook")).willReturn(okJson("""
                {"status": "OK", "data": {"market": "ETH-USD",
                  "bid": [{"qty": "1.250", "price": "3087.5"}, {"qty": "4.000", "price": "3087.4"}],
                  "ask": [{"qty": "0.800", "price": "3089.1"}]}}""")));

        ExtendedOrderBook book = client().orderBook("ETH-USD");

        assertThat(book.bids()).containsExactly(
                new ExtendedOrderBook.Level(new BigDecimal("3087.5"), new BigDecimal("1.250")),
                new ExtendedOrderBook.Level(new BigDecimal("3087.4"), new BigDecimal("4.000")));
        assertThat(book.asks()).containsExactly(
                new ExtendedOrderBook.Level(new BigDecimal("3089.1"), new BigDecimal("0.800")));
    }

    @Test
    void readsMarketStatsWithMarkIndexAndFunding() {
        extended.stubFor(get(urlPathEqualTo(API + "/info/markets/ETH-USD/stats")).willReturn(okJson("""
                {"status": "OK", "data": {"lastPrice": "3085.70", "askPrice": "3089.05", "bidPrice": "3087.50",
                  "markPrice": "3088.439710293828", "indexPrice": "3089.556987078441", "fundingRate": "-0.000059",
                  "nextFundingRate": 1716192000000}}""")));

        assertThat(client().marketStats("ETH-USD")).isEqualTo(new ExtendedMarketStats("ETH-USD",
                new BigDecimal("3087.50"), new BigDecimal("3089.05"), new BigDecimal("3088.439710293828"),
                new BigDecimal("3089.556987078441"), new BigDecimal("3085.70"), new BigDecimal("-0.000059")));
    }

    @Test
    void readsFundingRatesBetweenTwoInstants() {
        extended.stubFor(get(urlPathEqualTo(API + "/info/ETH-USD/funding")).willReturn(okJson("""
                {"status": "OK", "data": [
                  {"m": "ETH-USD", "f": "0.000013", "T": 1716188400000},
                  {"m": "ETH-USD", "f": "-0.000059", "T": 1716192000000}]}""")));

        assertThat(client().fundingRates("ETH-USD", Instant.ofEpochMilli(1716188400000L),
                Instant.ofEpochMilli(1716192000000L))).containsExactly(
                new ExtendedFundingRate("ETH-USD", new BigDecimal("0.000013"), Instant.ofEpochMilli(1716188400000L)),
                new ExtendedFundingRate("ETH-USD", new BigDecimal("-0.000059"), Instant.ofEpochMilli(1716192000000L)));
        extended.verify(getRequestedFor(urlPathEqualTo(API + "/info/ETH-USD/funding"))
                .withQueryParam("startTime", equalTo("1716188400000"))
                .withQueryParam("endTime", equalTo("1716192000000")));
    }

    @Test
    void readsTheAccountsFundingPaymentsFromAnInstantWithIdsAbove2To53() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/funding/history")).willReturn(okJson("""
                {"status": "OK", "data": [
                  {"id": 9007199254740993, "accountId": 3137, "market": "ETH-USD",
                   "positionId": 1821237954501148672, "side": "SHORT", "size": "1.5", "value": "4630.5",
                   "markPrice": "3087", "fundingFee": "0.0601965", "fundingRate": "0.000013",
                   "paidTime": 1716192000000}],
                 "pagination": {"cursor": 9007199254740993, "count": 1}}""")));

        assertThat(client().fundingPayments("ETH-USD", Instant.ofEpochMilli(1716188400000L))).containsExactly(
                new ExtendedFundingPayment("9007199254740993", "ETH-USD", "1821237954501148672", TradeSide.SELL,
                        new BigDecimal("1.5"), new BigDecimal("4630.5"), new BigDecimal("3087"),
                        new BigDecimal("0.0601965"), new BigDecimal("0.000013"),
                        Instant.ofEpochMilli(1716192000000L)));
        extended.verify(getRequestedFor(urlPathEqualTo(API + "/user/funding/history"))
                .withQueryParam("market", equalTo("ETH-USD"))
                .withQueryParam("fromTime", equalTo("1716188400000"))
                .withHeader("X-Api-Key", equalTo(API_KEY)));
    }

    @Test
    void readsAPositionWithItsMarkPrice() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/positions")).willReturn(okJson("""
                {"status": "OK", "data": [{"market": "ETH-USD", "side": "LONG", "size": "0.5",
                  "openPrice": "3087.40", "markPrice": "3088.44"}]}""")));

        assertThat(client().position("ETH-USD")).contains(new ExtendedPosition("ETH-USD", TradeSide.BUY,
                new BigDecimal("0.5"), new BigDecimal("3087.40"), new BigDecimal("3088.44")));
    }
}
