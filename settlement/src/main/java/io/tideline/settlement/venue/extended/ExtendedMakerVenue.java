package io.tideline.settlement.venue.extended;

import io.tideline.events.TradeSide;
import io.tideline.extended.ExtendedClient;
import io.tideline.extended.ExtendedMarketStats;
import io.tideline.extended.ExtendedOrderRequest;
import io.tideline.extended.ExtendedOrderState;
import io.tideline.extended.ExtendedPlacedOrder;
import io.tideline.extended.ExtendedPosition;
import io.tideline.extended.ExtendedRejectedException;
import io.tideline.extended.ExtendedTrade;
import io.tideline.extended.ExtendedUnavailableException;
import io.tideline.settlement.venue.BestBidAsk;
import io.tideline.settlement.venue.MakerVenue;
import io.tideline.settlement.venue.PlaceOutcome;
import io.tideline.settlement.venue.PostOnlyOrder;
import io.tideline.settlement.venue.VenueOrder;
import io.tideline.settlement.venue.VenueTrade;
import io.tideline.settlement.venue.VenueUnavailableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Extended (X10) exchange as settlement's {@link MakerVenue}, on shared-extended's {@link ExtendedClient} (the one
 * Extended client, ADR 0015): each pair is traded in the Extended market the configuration names, a take-profit is a
 * post-only GTT limit order whose external id is our client order id, a re-price is one order carrying
 * {@code cancelId} (the replaced order's external id), and lookups by client order id are Extended's lookups by
 * external id.
 *
 * <p>Extended answers an order before matching it: a post-only order that would cross comes back with an id and ends
 * REJECTED with {@code POST_ONLY_FAILED}. So each placed order is looked up again (a few times, {@code confirmAttempts})
 * and one refused that way is a {@link PlaceOutcome.WouldCross} with Extended's reason, not an exception; an order
 * Extended refuses outright (4xx, {@code status: ERROR}) is a {@link PlaceOutcome.Rejected} with its code, unless an
 * order under that external id already exists ({@link PlaceOutcome.AlreadyExists}). Outages are
 * {@link VenueUnavailableException}: whatever was sent before is found by client order id at the next reconciliation.
 */
public final class ExtendedMakerVenue implements MakerVenue {

    /** The User-Agent settlement sends to Extended. */
    public static final String USER_AGENT = "tideline-settlement";
    static final String POST_ONLY_FAILED = "POST_ONLY_FAILED";

    private final ExtendedClient client;
    private final Map<String, String> markets;
    private final int confirmAttempts;
    private final Duration confirmInterval;
    private final int tradesLimit;
    private final Sleeper sleeper;

    /** Waits between confirmation rounds (a test passes one that does not sleep). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * @param markets         Extended's market name of each pair
     * @param confirmAttempts how many times a placed order is looked up to see whether it rests (0 = never)
     * @param tradesLimit     the account's latest trades read per market to find a take-profit's fills
     */
    public ExtendedMakerVenue(ExtendedClient client, Map<String, String> markets, int confirmAttempts,
            Duration confirmInterval, int tradesLimit, Sleeper sleeper) {
        this.client = Objects.requireNonNull(client, "client");
        this.markets = Map.copyOf(markets);
        this.confirmAttempts = confirmAttempts;
        this.confirmInterval = confirmInterval;
        this.tradesLimit = tradesLimit;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return "extended";
    }

    @Override
    public boolean supportsReplace() {
        return true;
    }

    @Override
    public List<PlaceOutcome> placePostOnly(List<PostOnlyOrder> orders) {
        List<PlaceOutcome> outcomes = new ArrayList<>(orders.size());
        for (PostOnlyOrder o : orders) {
            outcomes.add(send(o, null));
        }
        return confirm(outcomes);
    }

    @Override
    public PlaceOutcome replace(String pair, String venueOrderId, String replacedClientOrderId,
            PostOnlyOrder replacement) {
        return confirm(List.of(send(replacement, replacedClientOrderId))).get(0);
    }

    @Override
    public boolean cancel(String pair, String venueOrderId) {
        try {
            call(() -> {
                client.cancelOrder(venueOrderId);
                return null;
            });
            return true;
        } catch (ExtendedRejectedException e) {
            Optional<ExtendedOrderState> order = read(() -> client.order(venueOrderId));
            if (order.isEmpty() || order.get().terminal()) {
                return false;
            }
            throw new VenueUnavailableException("Extended refused to cancel open order " + venueOrderId + ": "
                    + e.getMessage());
        }
    }

    @Override
    public List<VenueOrder> openOrders(String pair) {
        String market = markets.get(pair);
        if (market == null) {
            return List.of();
        }
        return read(() -> client.openOrders(market)).stream().filter(o -> !o.terminal())
                .map(o -> venueOrder(pair, o, List.of())).toList();
    }

    @Override
    public List<VenueOrder> ordersByClientOrderId(String pair, Collection<String> clientOrderIds) {
        String market = markets.get(pair);
        if (market == null) {
            return List.of();
        }
        List<ExtendedOrderState> found = new ArrayList<>();
        for (String id : clientOrderIds) {
            if (id != null) {
                latest(read(() -> client.ordersByExternalId(id))).ifPresent(found::add);
            }
        }
        Map<String, List<VenueTrade>> trades = new HashMap<>();
        if (found.stream().anyMatch(o -> o.filledQty().signum() > 0)) {
            for (ExtendedTrade t : read(() -> client.trades(market, tradesLimit))) {
                trades.computeIfAbsent(t.orderId(), k -> new ArrayList<>()).add(new VenueTrade(t.tradeId(),
                        t.quantity(), t.price(), t.fee(), t.createdAt()));
            }
        }
        return found.stream().map(o -> venueOrder(pair, o, trades.getOrDefault(o.orderId(), List.of()))).toList();
    }

    /**
     * {@inheritDoc} On Extended (perpetuals) what the account holds of a pair's base asset is its long position in the
     * pair's market; its resting sell orders there already offer part of it.
     */
    @Override
    public Optional<BigDecimal> sellableQuantity(String pair) {
        String market = markets.get(pair);
        if (market == null) {
            return Optional.empty();
        }
        BigDecimal held = read(() -> client.position(market)).filter(p -> p.side() == TradeSide.BUY)
                .map(ExtendedPosition::size).orElse(BigDecimal.ZERO);
        BigDecimal offered = read(() -> client.openOrders(market)).stream()
                .filter(o -> o.side() == TradeSide.SELL && !o.terminal())
                .map(o -> o.quantity().subtract(o.filledQty()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(held.subtract(offered));
    }

    @Override
    public Optional<BestBidAsk> bestBidAsk(String pair) {
        String market = markets.get(pair);
        if (market == null) {
            return Optional.empty();
        }
        ExtendedMarketStats stats;
        try {
            stats = call(() -> client.marketStats(market));
        } catch (ExtendedRejectedException e) {
            return Optional.empty();
        }
        if (stats.bidPrice() == null || stats.askPrice() == null) {
            return Optional.empty();
        }
        return Optional.of(new BestBidAsk(stats.bidPrice(), stats.askPrice()));
    }

    // ---- placing

    private PlaceOutcome send(PostOnlyOrder o, String cancelId) {
        String market = markets.get(o.pair());
        if (market == null) {
            return new PlaceOutcome.Rejected(o.clientOrderId(), "UNKNOWN_MARKET: no Extended market configured for "
                    + o.pair() + " (tideline.settlement.extended.markets)");
        }
        try {
            ExtendedPlacedOrder placed = call(() -> client.placeOrder(ExtendedOrderRequest.postOnlyLimit(
                    o.clientOrderId(), market, o.side(), o.quantity(), o.price(), cancelId)));
            return new PlaceOutcome.Placed(o.clientOrderId(), placed.orderId());
        } catch (ExtendedRejectedException e) {
            if (e.httpStatus() != 0) {
                // Extended may refuse an external id it already knows: that order is ours, not a new one
                Optional<ExtendedOrderState> known = latest(read(() -> client.ordersByExternalId(o.clientOrderId())));
                if (known.isPresent()) {
                    return new PlaceOutcome.AlreadyExists(o.clientOrderId(), known.get().orderId());
                }
            }
            return new PlaceOutcome.Rejected(o.clientOrderId(), (e.code() == null ? "" : e.code() + ": ")
                    + e.getMessage());
        }
    }

    /** Looks the placed orders up until each is seen resting or refused, or the attempts are spent. */
    private List<PlaceOutcome> confirm(List<PlaceOutcome> outcomes) {
        List<PlaceOutcome> result = new ArrayList<>(outcomes);
        Set<Integer> pending = new HashSet<>();
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i) instanceof PlaceOutcome.Placed) {
                pending.add(i);
            }
        }
        for (int attempt = 0; attempt < confirmAttempts && !pending.isEmpty(); attempt++) {
            pause();
            for (Integer i : List.copyOf(pending)) {
                PlaceOutcome.Placed p = (PlaceOutcome.Placed) result.get(i);
                Optional<ExtendedOrderState> seen = read(() -> client.ordersByExternalId(p.clientOrderId())).stream()
                        .filter(o -> o.orderId().equals(p.venueOrderId())).findFirst();
                if (seen.isEmpty()) {
                    continue;  // not visible yet
                }
                pending.remove(i);
                String reason = seen.get().statusReason();
                if (POST_ONLY_FAILED.equals(reason)) {
                    result.set(i, new PlaceOutcome.WouldCross(p.clientOrderId(), reason));
                } else if ("REJECTED".equals(seen.get().status())) {
                    result.set(i, new PlaceOutcome.Rejected(p.clientOrderId(), reason == null ? "REJECTED" : reason));
                }
            }
        }
        return result;
    }

    private void pause() {
        try {
            sleeper.sleep(confirmInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueUnavailableException("interrupted while confirming orders at Extended");
        }
    }

    // ---- reading

    /** The newest order under one external id (a refused one and a later one may share it). */
    private static Optional<ExtendedOrderState> latest(List<ExtendedOrderState> orders) {
        return orders.stream().max(Comparator.comparing((ExtendedOrderState o) -> !"REJECTED".equals(o.status()))
                .thenComparing(o -> o.createdAt() == null ? 0L : o.createdAt().toEpochMilli()));
    }

    private static VenueOrder venueOrder(String pair, ExtendedOrderState o, List<VenueTrade> trades) {
        VenueOrder.Status status = switch (o.status()) {
            case "FILLED" -> VenueOrder.Status.FILLED;
            case "CANCELLED", "EXPIRED" -> VenueOrder.Status.CANCELLED;
            case "REJECTED" -> VenueOrder.Status.REJECTED;
            default -> VenueOrder.Status.OPEN;
        };
        return new VenueOrder(o.orderId(), o.externalId(), pair, o.side(), o.price(), o.quantity(), o.filledQty(),
                status, o.statusReason(), trades);
    }

    /** Runs one read; an outage, or a refusal (a bad key, say), is a {@link VenueUnavailableException}. */
    private static <T> T read(Supplier<T> call) {
        try {
            return call(call);
        } catch (ExtendedRejectedException e) {
            throw new VenueUnavailableException(e.getMessage());
        }
    }

    /** Runs one client call; an outage becomes the venue port's {@link VenueUnavailableException}. */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ExtendedUnavailableException e) {
            throw new VenueUnavailableException(e.getMessage());
        }
    }
}
