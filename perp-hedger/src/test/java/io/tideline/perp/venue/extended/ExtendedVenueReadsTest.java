package io.tideline.perp.venue.extended;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tideline.perp.venue.extended.ExtendedStandIn.API;
import static io.tideline.perp.venue.extended.ExtendedStandIn.API_KEY;
import static io.tideline.perp.venue.extended.ExtendedStandIn.answer;
import static io.tideline.perp.venue.extended.ExtendedStandIn.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tideline.events.TradeSide;
import io.tideline.perp.venue.MarketStats;
import io.tideline.perp.venue.VenueOrder;
import io.tideline.perp.venue.VenuePosition;
import io.tideline.perp.venue.VenueTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Extended's documented answers for orders, trades, positions and market stats, read exactly. */
class ExtendedVenueReadsTest {

    @RegisterExtension
    static WireMockExtension extended = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void readsAFilledOrderWithExactIdsAndAmounts() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/orders/1834567890123456789"))
                .willReturn(ok("order-filled.json")));

        VenueOrder order = ExtendedStandIn.venue(extended).order("1834567890123456789").orElseThrow();

        assertThat(order.orderId()).isEqualTo("1834567890123456789");
        assertThat(order.externalId()).isEqualTo("hedge-7f3c2a");
        assertThat(order.market()).isEqualTo("ETH-USD");
        assertThat(order.side()).isEqualTo(TradeSide.SELL);
        assertThat(order.status()).isEqualTo("FILLED");
        assertThat(order.statusReason()).isEqualTo("NONE");
        assertThat(order.quantity()).isEqualTo(new BigDecimal("0.500"));
        assertThat(order.filledQty()).isEqualTo(new BigDecimal("0.500"));
        assertThat(order.averagePrice()).isEqualTo(new BigDecimal("3087.40"));
        assertThat(order.fee()).isEqualTo(new BigDecimal("0.3859250000000000"));
        assertThat(order.createdAt()).isEqualTo(Instant.ofEpochMilli(1716191880000L));
        assertThat(order.updatedAt()).isEqualTo(Instant.ofEpochMilli(1716191880042L));
        assertThat(order.terminal()).isTrue();
        assertThat(order.rejected()).isFalse();
        // the account id exists only in the raw JSON, and is kept there digit for digit
        assertThat(order.raw()).contains("\"id\":1834567890123456789", "\"accountId\":1834567890123450001",
                "\"payedFee\":\"0.3859250000000000\"");
        extended.verify(getRequestedFor(urlPathEqualTo(API + "/user/orders/1834567890123456789"))
                .withHeader("X-Api-Key", equalTo(API_KEY)));
    }

    @Test
    void readsARejectedOrderWithItsReason() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/orders/1834567890123456789"))
                .willReturn(ok("order-rejected-not-enough-funds.json")));

        VenueOrder order = ExtendedStandIn.venue(extended).order("1834567890123456789").orElseThrow();

        assertThat(order.status()).isEqualTo("REJECTED");
        assertThat(order.statusReason()).isEqualTo("NOT_ENOUGH_FUNDS");
        assertThat(order.filledQty()).isEqualTo(BigDecimal.ZERO);
        assertThat(order.averagePrice()).isNull();
        assertThat(order.fee()).isEqualTo(BigDecimal.ZERO);
        assertThat(order.rejected()).isTrue();
        assertThat(order.terminal()).isTrue();
    }

    @Test
    void readsAnUnfilledOrderWithAnEmptyAveragePrice() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/orders/1834567890123456789"))
                .willReturn(ok("order-new.json")));

        VenueOrder order = ExtendedStandIn.venue(extended).order("1834567890123456789").orElseThrow();

        assertThat(order.status()).isEqualTo("NEW");
        assertThat(order.statusReason()).isNull();
        assertThat(order.averagePrice()).isNull();
        assertThat(order.terminal()).isFalse();
    }

    @Test
    void readsOrdersByExternalId() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/orders/external/hedge-7f3c2a"))
                .willReturn(ok("orders-by-external-id.json")));

        List<VenueOrder> orders = ExtendedStandIn.venue(extended).ordersByExternalId("hedge-7f3c2a");

        assertThat(orders).singleElement().satisfies(order -> {
            assertThat(order.orderId()).isEqualTo("1834567890123456789");
            assertThat(order.externalId()).isEqualTo("hedge-7f3c2a");
            assertThat(order.status()).isEqualTo("FILLED");
        });
    }

    @Test
    void noOrderUnderAnExternalIdIsAnEmptyList() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/orders/external/hedge-none"))
                .willReturn(answer(404, "error-order-not-found.json")));
        extended.stubFor(get(urlPathEqualTo(API + "/user/orders/external/hedge-empty"))
                .willReturn(okJson("{\"status\":\"OK\",\"data\":[]}")));

        ExtendedVenue venue = ExtendedStandIn.venue(extended);

        assertThat(venue.ordersByExternalId("hedge-none")).isEmpty();
        assertThat(venue.ordersByExternalId("hedge-empty")).isEmpty();
    }

    @Test
    void readsRecentTradesWithOrderIdsBeyondALong() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/trades")).willReturn(ok("trades-eth-usd.json")));

        List<VenueTrade> trades = ExtendedStandIn.venue(extended).recentTrades("ETH-USD", 10);

        extended.verify(getRequestedFor(urlPathEqualTo(API + "/user/trades"))
                .withQueryParam("market", equalTo("ETH-USD"))
                .withQueryParam("limit", equalTo("10"))
                .withHeader("X-Api-Key", equalTo(API_KEY)));
        assertThat(trades).extracting(VenueTrade::tradeId)
                .containsExactly("1834567890123456802", "1834567890123456801", "1834567890123456700");
        // 2^63, as in Extended's own example: above Long.MAX_VALUE and far above 2^53
        assertThat(trades).extracting(VenueTrade::orderId)
                .containsExactly("1834567890123456789", "1834567890123456789", "9223372036854775808");
        VenueTrade first = trades.get(0);
        assertThat(first.market()).isEqualTo("ETH-USD");
        assertThat(first.side()).isEqualTo(TradeSide.SELL);
        assertThat(first.quantity()).isEqualTo(new BigDecimal("0.2000000000000000"));
        assertThat(first.price()).isEqualTo(new BigDecimal("3087.2500000000000000"));
        assertThat(first.fee()).isEqualTo(new BigDecimal("0.1543625000000000"));
        assertThat(first.taker()).isTrue();
        assertThat(first.createdAt()).isEqualTo(Instant.ofEpochMilli(1716191880041L));
        assertThat(first.raw()).contains("\"orderId\":1834567890123456789", "\"value\":\"617.4500000000000000\"");
        assertThat(trades.get(2).taker()).isFalse();
        assertThat(trades.get(2).raw()).contains("\"orderId\":9223372036854775808");
    }

    @Test
    void readsAShortPositionAsASell() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/positions")).willReturn(ok("positions-eth-usd.json")));

        VenuePosition position = ExtendedStandIn.venue(extended).position("ETH-USD").orElseThrow();

        assertThat(position).isEqualTo(new VenuePosition("ETH-USD", TradeSide.SELL, new BigDecimal("0.5"),
                new BigDecimal("3087.40")));
        extended.verify(getRequestedFor(urlPathEqualTo(API + "/user/positions"))
                .withQueryParam("market", equalTo("ETH-USD")));
    }

    @Test
    void noPositionIsFlat() {
        extended.stubFor(get(urlPathEqualTo(API + "/user/positions"))
                .willReturn(okJson("{\"status\":\"OK\",\"data\":[]}")));

        assertThat(ExtendedStandIn.venue(extended).position("ETH-USD")).isEmpty();
    }

    @Test
    void readsMarketStats() {
        extended.stubFor(get(urlPathEqualTo(API + "/info/markets/ETH-USD/stats")).willReturn(ok("stats-eth-usd.json")));

        MarketStats stats = ExtendedStandIn.venue(extended).marketStats("ETH-USD");

        assertThat(stats).isEqualTo(new MarketStats("ETH-USD", new BigDecimal("3087.50"), new BigDecimal("3089.05"),
                new BigDecimal("3088.439710293828")));
    }
}
