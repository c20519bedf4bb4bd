package io.tideline.analytics.api;

import io.tideline.analytics.rebalance.RebalanceService;
import io.tideline.analytics.rebalance.SuggestionBatch;
import io.tideline.analytics.rebalance.SuggestionView;
import io.tideline.events.lp.PositionRef;
import io.tideline.service.input.Identifiers;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rebalancing suggestions for live LP positions (one per risk level, with expected fee APR, IL risk, confidence and
 * regime), per position and per pool, with their history: followed or not, and how a followed one did.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/analytics/suggestions")
@Tag(name = "Suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class RebalanceSuggestionResource {

    private static final Pattern POOL = Pattern.compile("[0-9]{1,19}:0x[0-9a-fA-F]{40}");

    private final RebalanceService service;

    public RebalanceSuggestionResource(RebalanceService service) {
        this.service = service;
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/positions/{positionKey}")
    @Operation(summary = "Suggest new ranges for a live LP position now (conservative, moderate, aggressive); kept")
    @APIResponse(responseCode = "201", description = "Made and kept; Location names the position's suggestions")
    @APIResponse(responseCode = "400", description = "positionKey is not a position key")
    @APIResponse(responseCode = "404", description = "No such position")
    @APIResponse(responseCode = "409", description = "The position is not live, or its fee tier is unknown")
    public Response suggest(@PathParam("positionKey") String positionKey) {
        String key = positionKey(positionKey);
        SuggestionBatch batch = service.suggest(key);
        return Response.created(URI.create("/api/v1/analytics/suggestions/positions/" + key)).entity(batch).build();
    }

    @GET
    @Path("/positions/{positionKey}")
    @Operation(summary = "The position's newest suggestions (one per risk level); empty when none was made")
    public List<SuggestionView> ofPosition(@PathParam("positionKey") String positionKey) {
        return service.latestOfPosition(positionKey(positionKey));
    }

    @GET
    @Path("/positions/{positionKey}/history")
    @Operation(summary = "Every suggestion made for the position, newest first, with its follow-up")
    public List<SuggestionView> historyOfPosition(@PathParam("positionKey") String positionKey,
            @QueryParam("limit") Integer limit) {
        return service.historyOfPosition(positionKey(positionKey), limit(limit));
    }

    @GET
    @Path("/pools/{pool}")
    @Operation(summary = "The newest suggestions of each position in the pool (chainId:address)")
    public List<SuggestionView> ofPool(@PathParam("pool") String pool) {
        return service.latestOfPool(pool(pool));
    }

    @GET
    @Path("/pools/{pool}/history")
    @Operation(summary = "Every suggestion made in the pool, newest first, with its follow-up")
    public List<SuggestionView> historyOfPool(@PathParam("pool") String pool, @QueryParam("limit") Integer limit) {
        return service.historyOfPool(pool(pool), limit(limit));
    }

    private static String positionKey(String value) {
        Identifiers.require("positionKey", value);
        try {
            return PositionRef.parse(value).key();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("positionKey", "must be chainId:positionManager:tokenId");
        }
    }

    private static String pool(String value) {
        Identifiers.require("pool", value);
        if (!POOL.matcher(value).matches()) {
            throw ProblemException.badField("pool", "must be chainId:address, e.g. 1:0x88e6…5640");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static int limit(Integer limit) {
        int l = limit == null ? 50 : limit;
        if (l < 1 || l > 500) {
            throw ProblemException.badField("limit", "must be in [1, 500]");
        }
        return l;
    }
}
