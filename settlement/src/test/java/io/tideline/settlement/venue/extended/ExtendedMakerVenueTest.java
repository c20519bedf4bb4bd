package io.tideline.settlement.venue.extended;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.events.TradeSide;
import io.tideline.extended.ExtendedExchangeStandIn;
import io.tideline.settlement.venue.BestBidAsk;
import io.tideline.settlement.venue.PlaceOutcome;
import io.tideline.settlement.venue.PostOnlyOrder;
import io.tideline.settlement.venue.VenueOrder;
import io.tideline.settlement.venue.VenueUnavailableException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** settlement's Extended maker venue against the stateful WireMock stand-in of Extended's REST API. */
class ExtendedMakerVenueTest {

    private static final String PAIR = "ETH-USDC";
    private static final String MARKET = "ETH-USD";

    private ExtendedExchangeStandIn extended;
    private ExtendedMakerVenue venue;

    @BeforeEach
    void standIn() {
        extended = ExtendedExchangeStandIn.start();
        extended.book(MARKET, "2000", "2000.5");
        venue = new ExtendedMakerVenue(extended.client(ExtendedMakerVenue.USER_AGENT), Map.of(PAIR, MARKET), 2,
                Duration.ofMillis(1), 100, d -> { });
    }

    @AfterEach
    void stop() {
        extended.close();
    }

    @Test
    void placesAPostOnlyGttLimitSellUnderTheClientOrderId() {
        List<PlaceOutcome> out = venue.placePostOnly(List.of(sell("tp-a", "2010", "0.5")));

        assertThat(out).singleElement().isInstanceOfSatisfying(PlaceOutcome.Placed.class, p -> {
            assertThat(p.clientOrderId()).isEqualTo("tp-a");
            assertThat(new BigInteger(p.venueOrderId())).as("Extended's id, exact beyond 2^53")
                    .isGreaterThan(BigInteger.TWO.pow(60));
        });
        JsonNode body = extended.createRequestBodies().get(0);
        assertThat(body.get("id").asText()).isEqualTo("tp-a");
        assertThat(body.get("market").asText()).isEqualTo(MARKET);
        assertThat(body.get("type").asText()).isEqualTo("LIMIT");
        assertThat(body.get("side").asText()).isEqualTo("SELL");
        assertThat(body.get("timeInForce").asText()).isEqualTo("GTT");
        assertThat(body.get("postOnly").asBoolean()).isTrue();
        assertThat(body.get("reduceOnly").asBoolean()).isFalse();
        assertThat(body.get("qty").asText()).isEqualTo("0.5");
        assertThat(body.get("price").asText()).isEqualTo("2010");
        assertThat(body.has("cancelId")).isFalse();
        assertThat(body.at("/settlement/collateralPosition").asText()).isEqualTo("7");
        assertThat(venue.openOrders(PAIR)).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId()).isEqualTo("tp-a");
            assertThat(o.status()).isEqualTo(VenueOrder.Status.OPEN);
            assertThat(o.price()).isEqualByComparingTo("2010");
        });
    }

    @Test
    void aCrossingPostOnlyIsARefusalWithExtendedsReasonNotAnException() {
        List<PlaceOutcome> out = venue.placePostOnly(List.of(sell("tp-ok", "2010", "0.5"),
                sell("tp-cross", "1999.99", "0.5")));

        assertThat(out.get(0)).isInstanceOf(PlaceOutcome.Placed.class);
        assertThat(out.get(1)).isEqualTo(new PlaceOutcome.WouldCross("tp-cross", "POST_ONLY_FAILED"));
        assertThat(venue.ordersByClientOrderId(PAIR, List.of("tp-cross"))).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(VenueOrder.Status.REJECTED);
            assertThat(o.statusReason()).isEqualTo("POST_ONLY_FAILED");
        });
    }

    @Test
    void anOrderExtendedRefusesOutrightIsRejectedWithItsCode() {
        PlaceOutcome out = venue.placePostOnly(List.of(sell("tp-odd", "2010.001", "0.5"))).get(0);

        assertThat(out).isInstanceOfSatisfying(PlaceOutcome.Rejected.class, r ->
                assertThat(r.reason()).startsWith("INVALID_PRICE"));
        assertThat(extended.createRequestBodies()).as("refused before sending").isEmpty();
    }

    @Test
    void replacesInOneOrderWhoseCancelIdIsTheOldClientOrderId() {
        String old = ((PlaceOutcome.Placed) venue.placePostOnly(List.of(sell("tp-1", "2010", "0.5"))).get(0))
                .venueOrderId();

        PlaceOutcome out = venue.replace(PAIR, old, "tp-1", sell("tp-2", "2006", "0.5"));

        assertThat(out).isInstanceOf(PlaceOutcome.Placed.class);
        JsonNode body = extended.createRequestBodies().get(1);
        assertThat(body.get("id").asText()).isEqualTo("tp-2");
        assertThat(body.get("cancelId").asText()).isEqualTo("tp-1");
        assertThat(venue.ordersByClientOrderId(PAIR, List.of("tp-1", "tp-2")))
                .extracting(VenueOrder::clientOrderId, VenueOrder::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("tp-1", VenueOrder.Status.CANCELLED),
                        org.assertj.core.groups.Tuple.tuple("tp-2", VenueOrder.Status.OPEN));
    }

    @Test
    void cancelsARestingOrderAndSaysSoWhenItIsNoLongerOpen() {
        String id = ((PlaceOutcome.Placed) venue.placePostOnly(List.of(sell("tp-c", "2010", "0.5"))).get(0))
                .venueOrderId();

        assertThat(venue.cancel(PAIR, id)).isTrue();
        assertThat(venue.openOrders(PAIR)).isEmpty();
        assertThat(venue.cancel(PAIR, id)).as("already cancelled").isFalse();
    }

    @Test
    void findsAFilledTakeProfitByClientOrderIdWithItsTrade() {
        extended.position(MARKET, "0.5");
        venue.placePostOnly(List.of(sell("tp-f", "2010", "0.5")));
        extended.fill("tp-f");

        assertThat(venue.ordersByClientOrderId(PAIR, List.of("tp-f", "tp-unknown"))).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(VenueOrder.Status.FILLED);
            assertThat(o.filledQuantity()).isEqualByComparingTo("0.5");
            assertThat(o.trades()).singleElement().satisfies(t -> {
                assertThat(t.quantity()).isEqualByComparingTo("0.5");
                assertThat(t.price()).isEqualByComparingTo("2010");
                assertThat(new BigInteger(t.tradeId())).isGreaterThan(BigInteger.TWO.pow(60));
            });
        });
    }

    @Test
    void sellableIsTheLongPositionLessWhatRestingSellsOffer() {
        extended.position(MARKET, "2");
        venue.placePostOnly(List.of(sell("tp-s", "2010", "0.5")));

        assertThat(venue.sellableQuantity(PAIR)).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("1.5"));
        assertThat(venue.sellableQuantity("BTC-USDC")).as("a pair without a market").isEmpty();
        extended.position(MARKET, "0");
        assertThat(venue.sellableQuantity(PAIR)).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("-0.5"));
    }

    @Test
    void readsTheBestBidAndAskAndRefusesAPairWithoutAMarket() {
        assertThat(venue.bestBidAsk(PAIR)).contains(new BestBidAsk(new BigDecimal("2000"), new BigDecimal("2000.5")));
        assertThat(venue.bestBidAsk("BTC-USDC")).isEmpty();
        assertThat(venue.placePostOnly(List.of(new PostOnlyOrder("tp-x", "BTC-USDC", TradeSide.SELL,
                new BigDecimal("60000"), BigDecimal.ONE))).get(0)).isInstanceOfSatisfying(PlaceOutcome.Rejected.class,
                        r -> assertThat(r.reason()).contains("BTC-USDC"));
    }

    @Test
    void anOutageIsVenueUnavailable() {
        extended.close();

        assertThatThrownBy(() -> venue.placePostOnly(List.of(sell("tp-o", "2010", "0.5"))))
                .isInstanceOf(VenueUnavailableException.class);
        assertThatThrownBy(() -> venue.openOrders(PAIR)).isInstanceOf(VenueUnavailableException.class);
    }

    private static PostOnlyOrder sell(String id, String price, String qty) {
        return new PostOnlyOrder(id, PAIR, TradeSide.SELL, new BigDecimal(price), new BigDecimal(qty));
    }
}
