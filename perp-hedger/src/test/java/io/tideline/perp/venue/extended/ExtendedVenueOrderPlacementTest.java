package io.tideline.perp.venue.extended;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tideline.perp.venue.extended.ExtendedStandIn.API;
import static io.tideline.perp.venue.extended.ExtendedStandIn.API_KEY;
import static io.tideline.perp.venue.extended.ExtendedStandIn.NONCE;
import static io.tideline.perp.venue.extended.ExtendedStandIn.SIGNER;
import static io.tideline.perp.venue.extended.ExtendedStandIn.ok;
import static io.tideline.perp.venue.extended.ExtendedStandIn.stubEthUsdMarket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tideline.events.TradeSide;
import io.tideline.extended.ExtendedMarket;
import io.tideline.extended.OrderSettlement;
import io.tideline.extended.SignableOrder;
import io.tideline.extended.StandInOrderSigner;
import io.tideline.perp.venue.MarketOrderRequest;
import io.tideline.perp.venue.PlacedOrder;
import io.tideline.perp.venue.VenueRejectedException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /user/order} as Extended documents it: a signed MARKET/IOC order priced from the best bid/ask with the
 * slippage, on the market's price step. ETH-USD in the fixtures: bid 3087.50, ask 3089.05, price step 0.1.
 */
class ExtendedVenueOrderPlacementTest {

    @RegisterExtension
    static WireMockExtension extended = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final ExtendedMarket ETH_USD = new ExtendedMarket("ETH-USD", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.1"), "0x4554482d3400000000000000000000", 10_000L, "0x1",
            1_000_000L);
    /** {@link ExtendedStandIn#NOW} plus the one hour expiry. */
    private static final Instant EXPIRY = Instant.parse("2024-05-20T09:00:00Z");

    private ExtendedVenue venue;

    @BeforeEach
    void standIn() {
        stubEthUsdMarket(extended);
        extended.stubFor(post(urlPathEqualTo(API + "/user/order")).willReturn(ok("order-placed.json")));
        venue = ExtendedStandIn.venue(extended);
    }

    @Test
    void sendsAReduceOnlyMarketSellPricedBelowTheBidOnTheStep() {
        PlacedOrder placed = venue.placeMarketOrder(new MarketOrderRequest("hedge-7f3c2a", "ETH-USD", TradeSide.SELL,
                new BigDecimal("0.500"), true));

        // 3087.50 * (1 - 0.0075) = 3064.34375, rounded down to the 0.1 step
        OrderSettlement settlement = SIGNER.sign(new SignableOrder(ETH_USD, TradeSide.SELL, new BigDecimal("0.500"),
                new BigDecimal("3064.3"), new BigDecimal("0.0005"), NONCE, EXPIRY));
        extended.verify(postRequestedFor(urlPathEqualTo(API + "/user/order"))
                .withHeader("X-Api-Key", equalTo(API_KEY))
                .withHeader("User-Agent", equalTo("tideline-perp-hedger"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {
                          "id": "hedge-7f3c2a",
                          "market": "ETH-USD",
                          "type": "MARKET",
                          "side": "SELL",
                          "qty": "0.500",
                          "price": "3064.3",
                          "timeInForce": "IOC",
                          "expiryEpochMillis": 1716195600000,
                          "fee": "0.0005",
                          "nonce": "1473459052",
                          "reduceOnly": true,
                          "postOnly": false,
                          "selfTradeProtectionLevel": "ACCOUNT",
                          "settlement": {
                            "signature": {"r": "%s", "s": "%s"},
                            "starkKey": "%s",
                            "collateralPosition": "100042"
                          }
                        }
                        """.formatted(settlement.signatureR(), settlement.signatureS(),
                        StandInOrderSigner.STAND_IN_STARK_KEY))));
        assertThat(placed).isEqualTo(new PlacedOrder("1834567890123456789", "hedge-7f3c2a"));
    }

    @Test
    void placedOrderIdAbove2To53StaysExact() {
        PlacedOrder placed = venue.placeMarketOrder(new MarketOrderRequest("hedge-7f3c2a", "ETH-USD", TradeSide.SELL,
                new BigDecimal("0.500"), true));

        assertThat(new BigDecimal(placed.orderId())).isGreaterThan(BigDecimal.valueOf(2).pow(53));
        // through a double the id would come back as 1834567890123456768
        assertThat(placed.orderId()).isEqualTo("1834567890123456789")
                .isNotEqualTo(new BigDecimal((double) 1834567890123456789L).toPlainString());
    }

    @Test
    void pricesAMarketBuyAboveTheAskRoundedUp() {
        venue.placeMarketOrder(new MarketOrderRequest("hedge-close-91d0", "ETH-USD", TradeSide.BUY,
                new BigDecimal("0.25"), false));

        // 3089.05 * (1 + 0.0075) = 3112.217875, rounded up to the 0.1 step
        extended.verify(postRequestedFor(urlPathEqualTo(API + "/user/order"))
                .withRequestBody(matchingJsonPath("$.side", equalTo("BUY")))
                .withRequestBody(matchingJsonPath("$.price", equalTo("3112.3")))
                .withRequestBody(matchingJsonPath("$.qty", equalTo("0.25")))
                .withRequestBody(matchingJsonPath("$.reduceOnly", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.timeInForce", equalTo("IOC")))
                .withRequestBody(matchingJsonPath("$.id", equalTo("hedge-close-91d0"))));
    }

    @Test
    void readsTheMarketRulesOncePerMarket() {
        venue.placeMarketOrder(new MarketOrderRequest("hedge-a", "ETH-USD", TradeSide.SELL, new BigDecimal("0.5"),
                false));
        venue.placeMarketOrder(new MarketOrderRequest("hedge-b", "ETH-USD", TradeSide.BUY, new BigDecimal("0.5"),
                true));

        extended.verify(1, getRequestedFor(urlPathEqualTo(API + "/info/markets"))
                .withQueryParam("market", equalTo("ETH-USD")));
        extended.verify(2, getRequestedFor(urlPathEqualTo(API + "/info/markets/ETH-USD/stats")));
        extended.verify(2, postRequestedFor(urlPathEqualTo(API + "/user/order")));
    }

    @Test
    void refusesAQuantityOffTheMarketStepWithoutSendingIt() {
        // a rejection (the order fails with HedgeFailed), not an error the executor retries for ever
        assertThatThrownBy(() -> venue.placeMarketOrder(new MarketOrderRequest("hedge-c", "ETH-USD",
                TradeSide.SELL, new BigDecimal("0.5004"), false)))
                .isInstanceOf(VenueRejectedException.class)
                .hasMessage("quantity 0.5004 is not accepted by ETH-USD: at least 0.01 in steps of 0.001")
                .extracting(e -> ((VenueRejectedException) e).code()).isEqualTo("INVALID_QUANTITY");

        extended.verify(0, postRequestedFor(urlPathEqualTo(API + "/user/order")));
    }

    @Test
    void refusesAQuantityBelowTheMinimumAsARejection() {
        assertThatThrownBy(() -> venue.placeMarketOrder(new MarketOrderRequest("hedge-d", "ETH-USD",
                TradeSide.SELL, new BigDecimal("0.005"), false)))
                .isInstanceOf(VenueRejectedException.class)
                .hasMessage("quantity 0.005 is not accepted by ETH-USD: at least 0.01 in steps of 0.001");

        extended.verify(0, postRequestedFor(urlPathEqualTo(API + "/user/order")));
    }
}
