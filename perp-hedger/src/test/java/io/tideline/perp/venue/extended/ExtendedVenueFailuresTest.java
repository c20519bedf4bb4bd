package io.tideline.perp.venue.extended;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tideline.perp.venue.extended.ExtendedStandIn.API;
import static io.tideline.perp.venue.extended.ExtendedStandIn.answer;
import static io.tideline.perp.venue.extended.ExtendedStandIn.ok;
import static io.tideline.perp.venue.extended.ExtendedStandIn.stubEthUsdMarket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tideline.events.TradeSide;
import io.tideline.perp.venue.MarketOrderRequest;
import io.tideline.perp.venue.VenueRejectedException;
import io.tideline.perp.venue.VenueUnavailableException;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Extended's failures mapped to the venue contract: 429, 5xx, timeouts and broken connections are unavailable (try
 * again, or look the order up); any other 4xx and an envelope with {@code status: ERROR} are rejections carrying the
 * envelope's code and message.
 */
class ExtendedVenueFailuresTest {

    @RegisterExtension
    static WireMockExtension extended = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final MarketOrderRequest SELL = new MarketOrderRequest("hedge-7f3c2a", "ETH-USD", TradeSide.SELL,
            new BigDecimal("0.500"), false);

    @Test
    void orderRefusedWithA4xxEnvelopeIsRejectedWithItsCodeAndMessage() {
        stubEthUsdMarket(extended);
        extended.stubFor(post(urlPathEqualTo(API + "/user/order")).willReturn(answer(400, "error-order-cost.json")));

        assertThatThrownBy(() -> ExtendedStandIn.venue(extended).placeMarketOrder(SELL))
                .isInstanceOfSatisfying(VenueRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("1140");
                    assertThat(e.getMessage()).isEqualTo("Extended refused POST /user/order (HTTP 400, code 1140): "
                            + "New order cost exceeds available balance");
                });
    }

    @Test
    void okAnswerWithStatusErrorIsRejected() {
        stubEthUsdMarket(extended);
        extended.stubFor(post(urlPathEqualTo(API + "/user/order")).willReturn(ok("error-order-cost.json")));

        assertThatThrownBy(() -> ExtendedStandIn.venue(extended).placeMarketOrder(SELL))
                .isInstanceOfSatisfying(VenueRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.code()).isEqualTo("1140");
                });
    }

    @Test
    void unauthorizedIsRejectedEvenWithoutAnEnvelope() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/positions"))
                .willReturn(aResponse().withStatus(401).withBody("Unauthorized")));

        assertThatThrownBy(() -> ExtendedStandIn.venue(extended).position("ETH-USD"))
                .isInstanceOfSatisfying(VenueRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.code()).isNull();
                    assertThat(e.getMessage()).endsWith(": Unauthorized");
                });
    }

    @Test
    void rateLimitIsUnavailableWith429() {
        stubEthUsdMarket(extended);
        extended.stubFor(post(urlPathEqualTo(API + "/user/order")).willReturn(aResponse().withStatus(429)
                .withBody("{\"status\":\"ERROR\",\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\"}}")));

        assertThatThrownBy(() -> ExtendedStandIn.venue(extended).placeMarketOrder(SELL))
                .isInstanceOfSatisfying(VenueUnavailableException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.getMessage())
                            .isEqualTo("Extended answered POST /user/order with HTTP 429: Rate limit exceeded");
                });
    }

    @Test
    void serverErrorIsUnavailableWithItsStatus() {
        extended.stubFor(get(urlPathEqualTo(API + "/info/markets/ETH-USD/stats"))
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));

        assertThatThrownBy(() -> ExtendedStandIn.venue(extended).marketStats("ETH-USD"))
                .isInstanceOfSatisfying(VenueUnavailableException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(503));
    }

    @Test
    void noAnswerWithinTheTimeoutIsUnavailableWithoutStatus() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/orders/1834567890123456789"))
                .willReturn(ok("order-filled.json").withFixedDelay(1_500)));

        assertThatThrownBy(() -> ExtendedStandIn.venue(extended, Duration.ofMillis(200)).order("1834567890123456789"))
                .isInstanceOfSatisfying(VenueUnavailableException.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).contains("did not answer GET /user/orders/1834567890123456789");
                });
    }

    @Test
    void brokenConnectionIsUnavailableWithoutStatus() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/trades"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> ExtendedStandIn.venue(extended).recentTrades("ETH-USD", 10))
                .isInstanceOfSatisfying(VenueUnavailableException.class,
                        e -> assertThat(e.httpStatus()).isZero());
    }

    @Test
    void unreadableOkAnswerToAnOrderIsUnavailableSoTheOrderIsLookedUp() {
        stubEthUsdMarket(extended);
        extended.stubFor(post(urlPathEqualTo(API + "/user/order"))
                .willReturn(aResponse().withStatus(200).withBody("<html>gateway</html>")));

        assertThatThrownBy(() -> ExtendedStandIn.venue(extended).placeMarketOrder(SELL))
                .isInstanceOfSatisfying(VenueUnavailableException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(200));
    }

    @Test
    void unknownOrderIdIsEmpty() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/orders/1834567890123456789"))
                .willReturn(answer(404, "error-order-not-found.json")));

        assertThat(ExtendedStandIn.venue(extended).order("1834567890123456789")).isEmpty();
    }

    @Test
    void notFoundOnAnyOtherReadIsRejected() {
        extended.stubFor(get(urlPathEqualTo(API + "/info/markets/DOGE-USD/stats")).willReturn(aResponse()
                .withStatus(404)
                .withBody("{\"status\":\"ERROR\",\"error\":{\"code\":\"NOT_FOUND\","
                        + "\"message\":\"Market not found\"}}")));

        assertThatThrownBy(() -> ExtendedStandIn.venue(extended).marketStats("DOGE-USD"))
                .isInstanceOfSatisfying(VenueRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("NOT_FOUND");
                });
    }
}
