package io.tideline.analytics.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.analytics.market.PoolBarStore;
import io.tideline.analytics.suggestion.RangeSearch;
import io.tideline.analytics.suggestion.RangeSuggestion;
import io.tideline.analytics.suggestion.RangeSuggestionStore;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.input.Identifiers;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fee-tier and range-width suggestions for a pair: made by a walk-forward grid search over the backtester
 * ({@link RangeSearch}), kept with their history, and read back per pair.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/analytics/suggestions/ranges")
@Tag(name = "Suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class RangeSuggestionResource {

    private final Transactions transactions;
    private final RangeSuggestionStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final PoolBarStore bars;

    public RangeSuggestionResource(Transactions transactions, RangeSuggestionStore store, ObjectMapper json,
            Clock clock, PoolBarStore bars) {
        this.transactions = transactions;
        this.bars = bars;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** A kept suggestion: when it was made, for which pair, and what it says. */
    public record View(UUID id, String pair, Instant createdAt, RangeSuggestion suggestion) {
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suggest a fee tier and a range width for a pair from its pools' bars (walk-forward grid"
            + " search over the backtester); the suggestion is kept")
    @APIResponse(responseCode = "201", description = "Made and kept; Location names it")
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names it")
    public Response suggest(JsonNode body, @Context UriInfo uri) {
        RangeSuggestionRequest request = RangeSuggestionRequest.read(body,
                (pool, interval, from, to) -> bars.bars(transactions.reads(), pool, interval, from, to));
        RangeSuggestion suggestion = RangeSearch.suggest(request.pools(), request.halfWidths(), request.template(),
                request.plan());
        UUID id = UUID.randomUUID();
        Instant at = clock.instant();
        String text = write(suggestion);
        transactions.execute(tx -> store.keep(tx, id, request.pair(), suggestion, text, at));
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(new View(id, request.pair(), at, suggestion)).build();
    }

    @GET
    @Operation(summary = "Suggestions made, newest first, of one pair or of all")
    public List<View> history(@QueryParam("pair") String pair, @QueryParam("limit") Integer limit) {
        int l = limit == null ? 50 : limit;
        if (l < 1 || l > 500) {
            throw ProblemException.badField("limit", "must be in [1, 500]");
        }
        String named = pair == null || pair.isEmpty() ? null : Identifiers.require("pair", pair);
        return store.history(transactions.reads(), named, l).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One kept suggestion")
    @APIResponse(responseCode = "404", description = "No such suggestion")
    public View get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("id", "'" + id + "' is not a suggestion id (a UUID)");
        }
        return store.get(transactions.reads(), uuid).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("suggestion " + id));
    }

    private View view(RangeSuggestionStore.Kept kept) {
        try {
            return new View(kept.id(), kept.pair(), kept.createdAt(),
                    json.readValue(kept.suggestion(), RangeSuggestion.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kept suggestion " + kept.id() + " is not a RangeSuggestion", e);
        }
    }

    private String write(RangeSuggestion suggestion) {
        try {
            return json.writeValueAsString(suggestion);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a suggestion did not serialise", e);
        }
    }
}
