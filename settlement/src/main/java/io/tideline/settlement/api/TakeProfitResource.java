package io.tideline.settlement.api;

import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import io.tideline.settlement.takeprofit.TakeProfitOrder;
import io.tideline.settlement.takeprofit.TakeProfitQueries.PositionView;
import io.tideline.settlement.takeprofit.TakeProfitQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Positions (buy fills) and the take-profit orders covering them. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1")
@Tag(name = "Positions and take-profits")
@Produces(MediaType.APPLICATION_JSON)
public class TakeProfitResource {

    private static final Set<String> STATES = Set.of("PLACING", "LIVE", "REPLACING", "FILLED", "REPLACED",
            "CANCELLED", "FAILED");

    private final TakeProfitQueries queries;

    public TakeProfitResource(TakeProfitQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/positions")
    @Operation(summary = "Open buy positions (bought, not yet sold by a take-profit) by session and/or pair",
            description = "uncovered=true keeps those with quantity no live take-profit offers. A session or pair is"
                    + " required unless uncovered=true.")
    public List<PositionView> positions(@QueryParam("sessionId") String sessionId, @QueryParam("pair") String pair,
            @QueryParam("uncovered") Boolean uncovered, @QueryParam("limit") Integer limit) {
        String session = RequestFields.optionalId("sessionId", sessionId);
        String p = RequestFields.optionalPair("pair", pair);
        return queries.positions(session, p, Boolean.TRUE.equals(uncovered), RequestFields.limit(limit, 500, 10_000));
    }

    @GET
    @Path("/positions/uncovered")
    @Operation(summary = "Positions with uncovered quantity, by session and/or pair (same as /positions?uncovered=true)")
    public List<PositionView> uncovered(@QueryParam("sessionId") String sessionId, @QueryParam("pair") String pair,
            @QueryParam("limit") Integer limit) {
        return positions(sessionId, pair, true, limit);
    }

    @GET
    @Path("/take-profits")
    @Operation(summary = "Take-profit orders with their state, newest first",
            description = "state: PLACING, LIVE, REPLACING, FILLED, REPLACED, CANCELLED, FAILED. A replaced order"
                    + " names its replacement, and the replacement the order it replaced.")
    public List<TakeProfitOrder> takeProfits(@QueryParam("sessionId") String sessionId,
            @QueryParam("pair") String pair, @QueryParam("state") String state, @QueryParam("limit") Integer limit) {
        String session = RequestFields.optionalId("sessionId", sessionId);
        String p = RequestFields.optionalPair("pair", pair);
        String s = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
        if (s != null && !STATES.contains(s)) {
            throw ProblemException.badField("state", "must be one of " + STATES.stream().sorted().toList());
        }
        int max = RequestFields.limit(limit, 200, 10_000);
        return queries.orders(session, p, s, max);
    }

    @GET
    @Path("/take-profits/{clientOrderId}")
    @Operation(summary = "One take-profit order by its client order id")
    public TakeProfitOrder takeProfit(@PathParam("clientOrderId") String clientOrderId) {
        RequestFields.id("clientOrderId", clientOrderId);
        return queries.order(clientOrderId)
                .orElseThrow(() -> ProblemException.notFound("take-profit " + clientOrderId));
    }
}
