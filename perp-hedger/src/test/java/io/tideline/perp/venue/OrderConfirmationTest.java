package io.tideline.perp.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lookup budget of {@link OrderConfirmation}, against a venue that answers from a script. */
class OrderConfirmationTest {

    private static final String ORDER_ID = "1834567890123456789";

    private final ScriptedVenue venue = new ScriptedVenue();
    private final List<Duration> sleeps = new ArrayList<>();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void defaultsAreFiveLookupsTwoSecondsApartThenTheLatestTenTrades() {
        assertThat(OrderConfirmation.DEFAULT_ATTEMPTS).isEqualTo(5);
        assertThat(OrderConfirmation.DEFAULT_INTERVAL).isEqualTo(Duration.ofSeconds(2));
        assertThat(OrderConfirmation.DEFAULT_TRADES_LIMIT).isEqualTo(10);

        OrderLookup lookup = confirmation(OrderConfirmation.DEFAULT_ATTEMPTS, OrderConfirmation.DEFAULT_TRADES_LIMIT)
                .confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOf(OrderLookup.NotFound.class);
        assertThat(venue.orderLookups).isEqualTo(5);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        assertThat(venue.tradeLimits).containsExactly(10);
    }

    @Test
    void stopsAtTheFirstFinalSightingAndReportsOnlyItsOwnFills() {
        venue.orderAnswers.add(Optional::empty);
        venue.orderAnswers.add(() -> Optional.of(order("FILLED", "0.5")));
        venue.trades = List.of(trade("t-3", "other-order"), trade("t-2", ORDER_ID), trade("t-1", ORDER_ID));

        OrderLookup lookup = confirmation(5, 10).confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class, found -> {
            assertThat(found.order().status()).isEqualTo("FILLED");
            assertThat(found.trades()).extracting(VenueTrade::tradeId).containsExactly("t-2", "t-1");
        });
        assertThat(venue.orderLookups).isEqualTo(2);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void unavailableLookupsAreMisses() {
        venue.orderAnswers.add(() -> {
            throw new VenueUnavailableException(503, "down", null);
        });
        venue.orderAnswers.add(() -> {
            throw new VenueUnavailableException(0, "timeout", null);
        });
        venue.orderAnswers.add(() -> Optional.of(order("CANCELLED", "0")));

        OrderLookup lookup = confirmation(5, 10).confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class,
                found -> assertThat(found.order().status()).isEqualTo("CANCELLED"));
        assertThat(venue.orderLookups).isEqualTo(3);
    }

    @Test
    void aNonFinalOrderIsReportedAsLastSeenWhenTheBudgetRunsOut() {
        for (int i = 0; i < 3; i++) {
            venue.orderAnswers.add(() -> Optional.of(order("NEW", "0")));
        }

        OrderLookup lookup = confirmation(3, 10).confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class,
                found -> assertThat(found.order().status()).isEqualTo("NEW"));
        assertThat(venue.orderLookups).isEqualTo(3);
    }

    @Test
    void aSightingIsNotLostToALaterMiss() {
        venue.orderAnswers.add(() -> Optional.of(order("PARTIALLY_FILLED", "0.2")));
        venue.orderAnswers.add(() -> {
            throw new VenueUnavailableException(502, "bad gateway", null);
        });

        OrderLookup lookup = confirmation(2, 10).confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class,
                found -> assertThat(found.order().status()).isEqualTo("PARTIALLY_FILLED"));
    }

    @Test
    void fillsWithoutTheOrderAreFoundInTrades() {
        venue.trades = List.of(trade("t-2", ORDER_ID), trade("t-1", "other-order"));

        OrderLookup lookup = confirmation(3, 7).confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.FoundInTrades.class, found -> {
            assertThat(found.orderId()).isEqualTo(ORDER_ID);
            assertThat(found.trades()).extracting(VenueTrade::tradeId).containsExactly("t-2");
        });
        assertThat(venue.tradeLimits).containsExactly(7);
    }

    @Test
    void unreadableTradesAfterNoSightingIsNotFound() {
        venue.tradesFailure = new VenueUnavailableException(429, "rate limited", null);

        assertThat(confirmation(2, 10).confirm(ORDER_ID, "ETH-USD")).isInstanceOf(OrderLookup.NotFound.class);
    }

    @Test
    void unreadableTradesAfterASightingGiveTheOrderWithoutFills() {
        venue.orderAnswers.add(() -> Optional.of(order("FILLED", "0.5")));
        venue.tradesFailure = new VenueUnavailableException(503, "down", null);

        OrderLookup lookup = confirmation(5, 10).confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class,
                found -> assertThat(found.trades()).isEmpty());
    }

    @Test
    void aRefusedLookupIsNotSwallowed() {
        venue.orderAnswers.add(() -> {
            throw new VenueRejectedException(401, null, "unauthorized");
        });

        assertThatThrownBy(() -> confirmation(5, 10).confirm(ORDER_ID, "ETH-USD"))
                .isInstanceOf(VenueRejectedException.class);
        assertThat(venue.orderLookups).isEqualTo(1);
    }

    @Test
    void anInterruptStopsPollingAndKeepsTheFlag() {
        OrderConfirmation confirmation = new OrderConfirmation(venue, 5, Duration.ofSeconds(2), 10, duration -> {
            throw new InterruptedException();
        });

        OrderLookup lookup = confirmation.confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOf(OrderLookup.NotFound.class);
        assertThat(venue.orderLookups).isEqualTo(1);
        assertThat(venue.tradeLimits).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void findsByExternalIdWithTheSameBudgetAndNoTradeFallback() {
        venue.trades = List.of(trade("t-1", ORDER_ID));

        OrderLookup lookup = confirmation(4, 10).findByExternalId("hedge-7f3c2a", "ETH-USD");

        assertThat(lookup).isInstanceOf(OrderLookup.NotFound.class);
        assertThat(venue.externalLookups).isEqualTo(4);
        assertThat(sleeps).hasSize(3);
        assertThat(venue.tradeLimits).isEmpty();
    }

    @Test
    void findsByExternalIdOnceTheOrderShows() {
        venue.externalAnswers.add(List::of);
        venue.externalAnswers.add(() -> List.of(order("FILLED", "0.5")));
        venue.trades = List.of(trade("t-1", ORDER_ID));

        OrderLookup lookup = confirmation(5, 10).findByExternalId("hedge-7f3c2a", "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class, found -> {
            assertThat(found.order().orderId()).isEqualTo(ORDER_ID);
            assertThat(found.trades()).extracting(VenueTrade::tradeId).containsExactly("t-1");
        });
        assertThat(venue.externalLookups).isEqualTo(2);
    }

    private OrderConfirmation confirmation(int attempts, int tradesLimit) {
        return new OrderConfirmation(venue, attempts, Duration.ofSeconds(2), tradesLimit, sleeps::add);
    }

    private static VenueOrder order(String status, String filled) {
        return new VenueOrder(ORDER_ID, "hedge-7f3c2a", "ETH-USD", TradeSide.SELL, status, null,
                new BigDecimal("0.5"), new BigDecimal(filled), null, BigDecimal.ZERO, Instant.EPOCH, Instant.EPOCH,
                "{}");
    }

    private static VenueTrade trade(String tradeId, String orderId) {
        return new VenueTrade(tradeId, orderId, "ETH-USD", TradeSide.SELL, new BigDecimal("0.25"),
                new BigDecimal("3087.5"), new BigDecimal("0.19"), true, Instant.EPOCH, "{}");
    }

    /** Answers order lookups from a script (then "not found"), and trades from a fixed list. */
    private static final class ScriptedVenue implements PerpVenue {

        final Deque<Supplier<Optional<VenueOrder>>> orderAnswers = new ArrayDeque<>();
        final Deque<Supplier<List<VenueOrder>>> externalAnswers = new ArrayDeque<>();
        final List<Integer> tradeLimits = new ArrayList<>();
        List<VenueTrade> trades = List.of();
        VenueUnavailableException tradesFailure;
        int orderLookups;
        int externalLookups;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public PlacedOrder placeMarketOrder(MarketOrderRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<VenueOrder> order(String orderId) {
            orderLookups++;
            return orderAnswers.isEmpty() ? Optional.empty() : orderAnswers.poll().get();
        }

        @Override
        public List<VenueOrder> ordersByExternalId(String externalId) {
            externalLookups++;
            return externalAnswers.isEmpty() ? List.of() : externalAnswers.poll().get();
        }

        @Override
        public List<VenueTrade> recentTrades(String market, int limit) {
            tradeLimits.add(limit);
            if (tradesFailure != null) {
                throw tradesFailure;
            }
            return trades;
        }

        @Override
        public Optional<VenuePosition> position(String market) {
            return Optional.empty();
        }

        @Override
        public MarketStats marketStats(String market) {
            throw new UnsupportedOperationException();
        }
    }
}
