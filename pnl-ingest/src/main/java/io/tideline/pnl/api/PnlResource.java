package io.tideline.pnl.api;

import io.tideline.events.pnl.CostBasisMethod;
import io.tideline.messaging.tx.Transactions;
import io.tideline.pnl.execution.UserIds;
import io.tideline.pnl.lots.LotStore;
import io.tideline.pnl.pnl.MarketResolutions;
import io.tideline.pnl.pnl.PnlQueries;
import io.tideline.pnl.pnl.UserPnl;
import io.tideline.service.problem.Problem;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A user's P&amp;L (realized from the stored realizations, unrealized from the open lots at the last traded price),
 * their cost-basis method, and market resolutions. Money is in the venue's collateral, as decimal strings/numbers.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1")
@Tag(name = "P&L")
@Produces(MediaType.APPLICATION_JSON)
public class PnlResource {

    private final Transactions transactions;
    private final PnlQueries queries;
    private final LotStore lots;
    private final MarketResolutions resolutions;
    private final Clock clock;

    public PnlResource(Transactions transactions, PnlQueries queries, LotStore lots, MarketResolutions resolutions,
            Clock clock) {
        this.transactions = transactions;
        this.queries = queries;
        this.lots = lots;
        this.resolutions = resolutions;
        this.clock = clock;
    }

    public record MethodRequest(String method) {
    }

    /** A user's cost-basis method, as set. */
    public record MethodView(String user, CostBasisMethod method) {
    }

    /** A market's resolution: the outcome that pays 1 per share; every other outcome pays 0. */
    public record ResolutionRequest(String venue, String market, String winningOutcome, Instant resolvedAt) {
    }

    @GET
    @Path("/pnl/{user}")
    @Operation(summary = "A user's realized and unrealized P&L, by venue and by alert, with open positions",
            description = "realized = proceeds - cost basis - fees of every close; unrealized = open shares at the last"
                    + " traded price - their cost - their buy fees not yet realized.")
    public UserPnl pnl(@PathParam("user") String user) {
        return queries.ofUser(UserIds.normalize(user));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/pnl/{user}/method")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's cost-basis method (FIFO, LIFO or HIFO)",
            description = "Applies to the user's later sales; what was realized before stays as it was.")
    public MethodView setMethod(@PathParam("user") String user, MethodRequest request) {
        String who = UserIds.normalize(user);
        CostBasisMethod method;
        try {
            String given = request == null ? null : request.method();
            if (given == null) {
                throw new IllegalArgumentException("missing");
            }
            method = CostBasisMethod.valueOf(given.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("method", "must be FIFO, LIFO or HIFO");
        }
        transactions.execute(uow -> lots.setMethod(uow, who, method));
        return new MethodView(who, method);
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/markets/resolutions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve a market: every open lot in it is realized at 1 (winning outcome) or 0",
            description = "Idempotent: the same resolution again answers 200 with status duplicate; a different"
                    + " winning outcome for a resolved market is a 409. resolvedAt defaults to now.")
    @APIResponse(responseCode = "201", description = "resolved now: its open lots realized", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketResolutions.Result.class)))
    @APIResponse(responseCode = "200", description = "resolved before to the same outcome: status duplicate", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketResolutions.Result.class)))
    @APIResponse(responseCode = "400", description = "a field is missing or invalid (named in errors[])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "resolved before to another outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<MarketResolutions.Result> resolve(ResolutionRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "required: a JSON resolution");
        }
        String venue = text(request.venue(), "venue").toLowerCase(Locale.ROOT);
        String market = text(request.market(), "market");
        String winner = text(request.winningOutcome(), "winningOutcome");
        Instant at = (request.resolvedAt() == null ? clock.instant() : request.resolvedAt())
                .truncatedTo(ChronoUnit.MICROS);
        MarketResolutions.Result result = transactions.run(uow -> resolutions.resolve(uow, venue, market, winner, at));
        if (result.conflicting()) {
            throw ProblemException.conflict("market " + venue + "/" + market + " was resolved to "
                    + result.winningOutcome());
        }
        return RestResponse.status("duplicate".equals(result.status()) ? RestResponse.Status.OK
                : RestResponse.Status.CREATED, result);
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "required");
        }
        return value.trim();
    }
}
