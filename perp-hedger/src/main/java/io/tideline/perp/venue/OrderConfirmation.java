package io.tideline.perp.venue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Confirms a placed order despite the venue's lag: an order id comes back before the order is visible, so the order
 * is fetched up to {@code attempts} times, {@code interval} apart, until it shows in a final state.
 *
 * <p>A lookup that fails with {@link VenueUnavailableException} counts as a miss. An order that shows but is not final
 * yet is fetched again within the same budget; when the budget runs out it is reported as it was last seen. An order
 * that never shows by id is looked for in the market's latest {@code tradesLimit} trades (a fill carries its order's
 * id). {@link VenueRejectedException} is not caught: the venue refused the lookup itself, and polling cannot help.
 *
 * <p>An interrupt stops the polling; what was found so far is reported (usually {@link OrderLookup.NotFound}, which
 * the caller stores as PENDING_LOOKUP for a later pass) and the interrupt flag stays set.
 */
public final class OrderConfirmation {

    /** Waits between lookups; {@link Thread#sleep} in production, a no-op or recorder in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final int DEFAULT_ATTEMPTS = 5;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    public static final int DEFAULT_TRADES_LIMIT = 10;

    private static final Logger LOG = Logger.getLogger(OrderConfirmation.class);

    private final PerpVenue venue;
    private final int attempts;
    private final Duration interval;
    private final int tradesLimit;
    private final Sleeper sleeper;

    /** With the defaults: 5 lookups, 2 s apart, then the latest 10 trades. */
    public OrderConfirmation(PerpVenue venue) {
        this(venue, DEFAULT_ATTEMPTS, DEFAULT_INTERVAL, DEFAULT_TRADES_LIMIT,
                duration -> Thread.sleep(duration.toMillis()));
    }

    public OrderConfirmation(PerpVenue venue, int attempts, Duration interval, int tradesLimit, Sleeper sleeper) {
        this.venue = Objects.requireNonNull(venue, "venue");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
        if (tradesLimit < 1) {
            throw new IllegalArgumentException("tradesLimit must be at least 1: " + tradesLimit);
        }
        this.attempts = attempts;
        this.interval = interval;
        this.tradesLimit = tradesLimit;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Looks up the order the venue acknowledged as {@code orderId} in {@code market}. */
    public OrderLookup confirm(String orderId, String market) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(market, "market");
        Optional<VenueOrder> seen = poll(() -> venue.order(orderId), "order " + orderId);
        if (seen.isPresent()) {
            return found(seen.get(), market);
        }
        List<VenueTrade> fills = fillsOf(orderId, market);
        return fills.isEmpty() ? new OrderLookup.NotFound() : new OrderLookup.FoundInTrades(orderId, fills);
    }

    /**
     * Looks up the order placed under a client external id, with the same budget: after a crash or a timeout between
     * sending an order and recording the venue's id. There is no trade fallback (Extended's trades do not carry the
     * external id), so an order never seen is {@link OrderLookup.NotFound}.
     */
    public OrderLookup findByExternalId(String externalId, String market) {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(market, "market");
        // the venue refuses a second order under the same external id, so the first listed is the one
        Optional<VenueOrder> seen = poll(() -> venue.ordersByExternalId(externalId).stream().findFirst(),
                "external id " + externalId);
        return seen.<OrderLookup>map(order -> found(order, market)).orElseGet(OrderLookup.NotFound::new);
    }

    /**
     * As {@link #findByExternalId}, for a decision that must not be taken on a guess (marking an order FAILED, sending
     * it again under a new id): {@link OrderLookup.NotFound} only when the venue answered that it has no such order.
     *
     * @throws VenueUnavailableException when not one lookup was answered
     */
    public OrderLookup findByExternalIdOrUnavailable(String externalId, String market) {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(market, "market");
        boolean[] answered = {false};
        Optional<VenueOrder> seen = poll(() -> {
            List<VenueOrder> orders = venue.ordersByExternalId(externalId);
            answered[0] = true;
            return orders.stream().findFirst();
        }, "external id " + externalId);
        if (seen.isEmpty() && !answered[0]) {
            throw new VenueUnavailableException(0, "the venue did not answer " + attempts + " lookups of external id "
                    + externalId, null);
        }
        return seen.<OrderLookup>map(order -> found(order, market)).orElseGet(OrderLookup.NotFound::new);
    }

    /** Up to {@code attempts} lookups until the order shows in a final state; the last sighting, if any. */
    private Optional<VenueOrder> poll(Lookup lookup, String what) {
        Optional<VenueOrder> lastSeen = Optional.empty();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1 && !pause()) {
                break;
            }
            try {
                Optional<VenueOrder> order = lookup.find();
                if (order.isPresent()) {
                    lastSeen = order;
                    if (order.get().terminal()) {
                        return lastSeen;
                    }
                }
            } catch (VenueUnavailableException e) {
                LOG.debugf("lookup %d of %d for %s missed: %s", attempt, attempts, what, e.getMessage());
            }
        }
        return lastSeen;
    }

    private OrderLookup found(VenueOrder order, String market) {
        // best effort: the order's own filledQty, averagePrice and fee are authoritative; fills only link trades
        return new OrderLookup.Found(order, fillsOf(order.orderId(), market));
    }

    /** The order's fills among the latest trades; none when interrupted or the trades cannot be read. */
    private List<VenueTrade> fillsOf(String orderId, String market) {
        if (Thread.currentThread().isInterrupted()) {
            return List.of();
        }
        try {
            return venue.recentTrades(market, tradesLimit).stream()
                    .filter(trade -> orderId.equals(trade.orderId()))
                    .toList();
        } catch (VenueUnavailableException e) {
            LOG.debugf("trades of %s for order %s unavailable: %s", market, orderId, e.getMessage());
            return List.of();
        }
    }

    /** Waits one interval; false when interrupted (the flag is set again). */
    private boolean pause() {
        try {
            sleeper.sleep(interval);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @FunctionalInterface
    private interface Lookup {
        Optional<VenueOrder> find();
    }
}
