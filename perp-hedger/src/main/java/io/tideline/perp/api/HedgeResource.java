package io.tideline.perp.api;

import io.tideline.perp.execution.ManualRetry;
import io.tideline.perp.hedge.Hedge;
import io.tideline.perp.hedge.HedgeOrder;
import io.tideline.perp.hedge.HedgeQueries.FailedOrder;
import io.tideline.perp.hedge.HedgeQueries.HedgeDetail;
import io.tideline.perp.hedge.HedgeQueries;
import io.tideline.perp.hedge.HedgeStatus;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The hedges of LP positions: by position and status, one with its orders and fills, the failed ones, and a manual
 * retry of a failed order. Quantities are in the market's base asset and money in its collateral asset, as decimal
 * strings; venue ids are strings.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/hedges")
@Tag(name = "Hedges")
@Produces(MediaType.APPLICATION_JSON)
public class HedgeResource {

    private final HedgeQueries queries;
    private final ManualRetry retries;

    public HedgeResource(HedgeQueries queries, ManualRetry retries) {
        this.queries = queries;
        this.retries = retries;
    }

    @GET
    @Operation(summary = "Hedges, newest first, by LP position key and/or status",
            description = "status: OPENING, OPEN, CLOSING, CLOSED, FAILED, UNHEDGED. positionKey: chainId:positionManager:tokenId.")
    public List<Hedge> list(@QueryParam("positionKey") String positionKey, @QueryParam("status") String status,
            @QueryParam("limit") Integer limit) {
        HedgeStatus wanted = status == null ? null : status(status);
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            throw ProblemException.badField("limit", "must be between 1 and 1000");
        }
        String key = positionKey == null ? null : positionKey.trim().toLowerCase(Locale.ROOT);
        return queries.hedges(key, wanted, max);
    }

    @GET
    @Path("/current")
    @Operation(summary = "The current hedge of every LP position, a page at a time",
            description = "One hedge per position: its newest (a position minted again after a retraction has had"
                    + " more than one). Ordered by positionKey; pass the last positionKey of a page as 'after' for"
                    + " the next. limit: 1 to 1000, default 1000; a page shorter than the limit is the last.")
    public List<Hedge> current(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        int max = limit == null ? 1000 : limit;
        if (max < 1 || max > 1000) {
            throw ProblemException.badField("limit", "must be between 1 and 1000");
        }
        String afterKey = after == null || after.isBlank() ? null : after.trim().toLowerCase(Locale.ROOT);
        return queries.currentHedges(afterKey, max);
    }

    @GET
    @Path("/failed")
    @Operation(summary = "Orders that failed (rejected, or given up after retries), newest first",
            description = "Each can be sent again with POST /api/v1/hedges/{hedgeId}/retry.")
    public List<FailedOrder> failed() {
        return queries.failedOrders(200);
    }

    @GET
    @Path("/{hedgeId}")
    @Operation(summary = "One hedge with its orders and the venue's fills")
    public HedgeDetail one(@PathParam("hedgeId") String hedgeId) {
        return queries.detail(parse(hedgeId)).orElseThrow(() -> ProblemException.notFound("hedge " + hedgeId));
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/{hedgeId}/retry")
    @Operation(summary = "Send the hedge's latest failed order again",
            description = "The order goes out under a new external id (its generation + 1), since the venue keeps the"
                    + " failed one. It is first looked up at the venue under its own external id: if the venue has it"
                    + " (its fill is then recorded) it is not sent again (409); if the venue cannot be asked, 503."
                    + " 409 also when the hedge has no failed order, or one is outstanding.")
    public HedgeOrder retry(@PathParam("hedgeId") String hedgeId) {
        ManualRetry.Result result = retries.retry(parse(hedgeId));
        if (result instanceof ManualRetry.Result.Retried r) {
            return r.order();
        }
        if (result instanceof ManualRetry.Result.Refused r) {
            throw ProblemException.conflict(r.reason());
        }
        if (result instanceof ManualRetry.Result.VenueUnavailable r) {
            throw new ProblemException(503, "Venue unavailable", r.reason(), List.of());
        }
        throw ProblemException.notFound("hedge " + hedgeId);
    }

    private static HedgeStatus status(String status) {
        try {
            return HedgeStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("status", "must be one of "
                    + Arrays.stream(HedgeStatus.values()).map(Enum::name).sorted().toList());
        }
    }

    private static UUID parse(String hedgeId) {
        try {
            return UUID.fromString(hedgeId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("hedgeId", "must be a UUID");
        }
    }
}
