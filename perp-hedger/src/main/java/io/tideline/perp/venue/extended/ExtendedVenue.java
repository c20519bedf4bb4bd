package io.tideline.perp.venue.extended;

import io.tideline.extended.ExtendedClient;
import io.tideline.extended.ExtendedMarketStats;
import io.tideline.extended.ExtendedOrderState;
import io.tideline.extended.ExtendedPlacedOrder;
import io.tideline.extended.ExtendedPosition;
import io.tideline.extended.ExtendedRejectedException;
import io.tideline.extended.ExtendedSettings;
import io.tideline.extended.ExtendedTrade;
import io.tideline.extended.ExtendedUnavailableException;
import io.tideline.extended.OrderSigner;
import io.tideline.perp.venue.MarketOrderRequest;
import io.tideline.perp.venue.MarketStats;
import io.tideline.perp.venue.PerpVenue;
import io.tideline.perp.venue.PlacedOrder;
import io.tideline.perp.venue.VenueOrder;
import io.tideline.perp.venue.VenuePosition;
import io.tideline.perp.venue.VenueRejectedException;
import io.tideline.perp.venue.VenueTrade;
import io.tideline.perp.venue.VenueUnavailableException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Extended (X10) perpetuals exchange as perp-hedger's {@link PerpVenue}: shared-extended's {@link ExtendedClient}
 * (the one Extended client, ADR 0015) with its records read into the venue records and its exceptions into the venue
 * exceptions (status, code and message kept).
 *
 * <p>A market order is a MARKET/IOC order priced at the best bid (sell) or ask (buy) moved by the configured slippage
 * and rounded to the market's price step, signed by the {@link OrderSigner}. Extended's API is asynchronous: the id
 * returned by {@link #placeMarketOrder} may not be visible through {@link #order} for a while (see
 * {@link io.tideline.perp.venue.OrderConfirmation}).
 */
public final class ExtendedVenue implements PerpVenue {

    /** The User-Agent perp-hedger sends to Extended. */
    static final String USER_AGENT = "tideline-perp-hedger";

    private final ExtendedClient client;

    public ExtendedVenue(ExtendedSettings settings, OrderSigner signer) {
        this(new ExtendedClient(settings, signer, USER_AGENT));
    }

    /** With a fixed clock (order expiry) and nonce source, so a test can pin the request body. */
    ExtendedVenue(ExtendedSettings settings, OrderSigner signer, Clock clock, LongSupplier nonces) {
        this(new ExtendedClient(settings, signer, USER_AGENT, clock, nonces));
    }

    private ExtendedVenue(ExtendedClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String name() {
        return "extended";
    }

    @Override
    public PlacedOrder placeMarketOrder(MarketOrderRequest request) {
        ExtendedPlacedOrder placed = call(() -> client.placeMarketOrder(request.externalId(), request.market(),
                request.side(), request.quantity(), request.reduceOnly()));
        return new PlacedOrder(placed.orderId(), placed.externalId());
    }

    @Override
    public Optional<VenueOrder> order(String orderId) {
        return call(() -> client.order(orderId)).map(ExtendedVenue::venueOrder);
    }

    /** {@inheritDoc} A 404 (no order under that id) is an empty list. */
    @Override
    public List<VenueOrder> ordersByExternalId(String externalId) {
        return call(() -> client.ordersByExternalId(externalId)).stream().map(ExtendedVenue::venueOrder).toList();
    }

    @Override
    public List<VenueTrade> recentTrades(String market, int limit) {
        return call(() -> client.trades(market, limit)).stream().map(ExtendedVenue::venueTrade).toList();
    }

    @Override
    public Optional<VenuePosition> position(String market) {
        return call(() -> client.position(market)).map(ExtendedVenue::venuePosition);
    }

    @Override
    public MarketStats marketStats(String market) {
        ExtendedMarketStats stats = call(() -> client.marketStats(market));
        return new MarketStats(stats.market(), stats.bidPrice(), stats.askPrice(), stats.markPrice());
    }

    private static VenueOrder venueOrder(ExtendedOrderState o) {
        return new VenueOrder(o.orderId(), o.externalId(), o.market(), o.side(), o.status(), o.statusReason(),
                o.quantity(), o.filledQty(), o.averagePrice(), o.fee(), o.createdAt(), o.updatedAt(), o.raw());
    }

    private static VenueTrade venueTrade(ExtendedTrade t) {
        return new VenueTrade(t.tradeId(), t.orderId(), t.market(), t.side(), t.quantity(), t.price(), t.fee(),
                t.taker(), t.createdAt(), t.raw());
    }

    private static VenuePosition venuePosition(ExtendedPosition p) {
        return new VenuePosition(p.market(), p.side(), p.size(), p.openPrice());
    }

    /** Runs one client call, its failures as the venue contract's: the same status, code and message. */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ExtendedRejectedException e) {
            throw new VenueRejectedException(e.httpStatus(), e.code(), e.getMessage());
        } catch (ExtendedUnavailableException e) {
            throw new VenueUnavailableException(e.httpStatus(), e.getMessage(), e);
        }
    }
}
