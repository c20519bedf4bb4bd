package io.tideline.perp.api;

import io.tideline.events.TradeSide;
import io.tideline.perp.venue.MarketOrderRequest;
import io.tideline.perp.venue.PerpVenue;
import io.tideline.perp.venue.PlacedOrder;
import io.tideline.perp.venue.VenueOrder;
import io.tideline.perp.venue.VenueRejectedException;
import io.tideline.perp.venue.VenueTrade;
import io.tideline.perp.venue.VenueUnavailableException;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Direct access to the configured venue, for the desk's manual work: a market order, an order by id, recent trades.
 * These orders are not hedges: nothing is recorded against an LP position.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1")
@Tag(name = "Venue passthrough")
@Produces(MediaType.APPLICATION_JSON)
public class VenueOrderResource {

    private final PerpVenue venue;

    public VenueOrderResource(PerpVenue venue) {
        this.venue = venue;
    }

    @Schema(description = "A market (IOC) order. quantity in the market's base asset, a decimal string. externalId:"
            + " optional client id (one is generated when omitted); sending the same one twice never places two"
            + " orders.")
    public record MarketOrder(@Schema(required = true, example = "ETH-USD") String market,
                              @Schema(required = true, example = "SELL") String side,
                              @Schema(required = true, example = "0.25") String quantity,
                              Boolean reduceOnly, String externalId) {
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/orders/market")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a market order at the venue", description = "Answers with the venue's order id as"
            + " soon as the venue acknowledged it; 422 when the venue rejected it, 503 when it could not be reached.")
    public PlacedOrder place(MarketOrder order) {
        if (order == null) {
            throw ProblemException.badField("body", "a JSON object with market, side and quantity is required");
        }
        if (order.market() == null || order.market().isBlank()) {
            throw ProblemException.badField("market", "is required, e.g. ETH-USD");
        }
        TradeSide side;
        try {
            side = TradeSide.valueOf(String.valueOf(order.side()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("side", "must be BUY or SELL");
        }
        BigDecimal quantity;
        try {
            quantity = new BigDecimal(String.valueOf(order.quantity()).trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badField("quantity", "must be a decimal string, e.g. \"0.25\"");
        }
        if (quantity.signum() <= 0) {
            throw ProblemException.badField("quantity", "must be positive");
        }
        String externalId = order.externalId() == null || order.externalId().isBlank()
                ? "tl-manual-" + UUID.randomUUID() : order.externalId().trim();
        try {
            return venue.placeMarketOrder(new MarketOrderRequest(externalId, order.market().trim(), side, quantity,
                    Boolean.TRUE.equals(order.reduceOnly())));
        } catch (VenueRejectedException e) {
            throw new ProblemException(422, "Rejected by the venue", (e.code() == null ? "" : e.code() + ": ")
                    + e.getMessage(), List.of());
        } catch (VenueUnavailableException e) {
            throw new ProblemException(503, "Venue unavailable", e.getMessage(), List.of());
        }
    }

    @GET
    @Path("/orders/{id}")
    @Operation(summary = "An order at the venue by the venue's id (a decimal string)")
    public VenueOrder order(@PathParam("id") String id) {
        if (id == null || !id.matches("\\d{1,20}")) {
            throw ProblemException.badField("id", "must be the venue's numeric order id, as a string");
        }
        try {
            return venue.order(id).orElseThrow(() -> ProblemException.notFound("order " + id));
        } catch (VenueUnavailableException e) {
            throw new ProblemException(503, "Venue unavailable", e.getMessage(), List.of());
        }
    }

    @GET
    @Path("/trades")
    @Operation(summary = "The account's latest trades in a market, newest first")
    public List<VenueTrade> trades(@QueryParam("market") String market, @QueryParam("limit") Integer limit) {
        if (market == null || market.isBlank()) {
            throw ProblemException.badField("market", "is required, e.g. ETH-USD");
        }
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > 500) {
            throw ProblemException.badField("limit", "must be between 1 and 500");
        }
        try {
            return venue.recentTrades(market.trim(), max);
        } catch (VenueUnavailableException e) {
            throw new ProblemException(503, "Venue unavailable", e.getMessage(), List.of());
        }
    }
}
