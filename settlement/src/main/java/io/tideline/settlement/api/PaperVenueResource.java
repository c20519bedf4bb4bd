package io.tideline.settlement.api;

import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import io.tideline.settlement.venue.MakerVenue;
import io.tideline.settlement.venue.VenueOrder;
import io.tideline.settlement.venue.paper.PaperVenue;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The paper venue's controls (only with {@code tideline.settlement.venue=paper}): its book, orders and halts. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/paper")
@Tag(name = "Paper venue")
@Produces(MediaType.APPLICATION_JSON)
public class PaperVenueResource {

    private final MakerVenue venue;

    public PaperVenueResource(MakerVenue venue) {
        this.venue = venue;
    }

    /** The top of a pair's book; {@code ask} defaults to the bid. */
    public record PriceRequest(String pair, BigDecimal bid, BigDecimal ask) {
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/prices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a pair's best bid/ask; resting orders it reaches fill at their limit",
            description = "A sell take-profit fills when the bid reaches its price; settlement records the fill"
                    + " (TakeProfitFilled) at its next run or fill watch. market.prices PriceObserved events of venue"
                    + " prices (instrument = the pair) set the book too.")
    @APIResponse(responseCode = "204", description = "The book moved")
    @APIResponse(responseCode = "400", description = "A field is invalid; nothing changed")
    @APIResponse(responseCode = "404", description = "The venue is not the paper venue")
    public void price(PriceRequest request) {
        PaperVenue paper = paper();
        RequestFields.required("body", request);
        String pair = RequestFields.pair("pair", request.pair());
        BigDecimal bid = RequestFields.positive("bid", request.bid());
        BigDecimal ask = request.ask() == null ? bid : RequestFields.positive("ask", request.ask());
        if (ask.compareTo(bid) < 0) {
            throw ProblemException.badField("ask", "must not be below the bid");
        }
        paper.setBook(pair, bid, ask);
    }

    @GET
    @Path("/orders")
    @Operation(summary = "The paper venue's orders, newest first, all states (OPEN, FILLED, CANCELLED, REJECTED)")
    public List<VenueOrder> orders(@QueryParam("pair") String pair, @QueryParam("limit") Integer limit) {
        return paper().orders(RequestFields.optionalPair("pair", pair), RequestFields.limit(limit, 500, 100_000));
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/markets/{pair}/halt")
    @Operation(summary = "Halt a pair: every venue call about it fails as in an outage, until resumed")
    @APIResponse(responseCode = "204", description = "Halted")
    public void halt(@PathParam("pair") String pair) {
        paper().setHalted(RequestFields.pair("pair", pair), true);
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/markets/{pair}/resume")
    @Operation(summary = "Resume a halted pair")
    @APIResponse(responseCode = "204", description = "Resumed")
    public void resume(@PathParam("pair") String pair) {
        paper().setHalted(RequestFields.pair("pair", pair), false);
    }

    private PaperVenue paper() {
        if (venue instanceof PaperVenue paper) {
            return paper;
        }
        throw ProblemException.notFound("the paper venue (this instance uses " + venue.name() + ")");
    }
}
