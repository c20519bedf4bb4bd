package io.tideline.analytics.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.analytics.backtest.BacktestJobs;
import io.tideline.analytics.backtest.BacktestStore;
import io.tideline.analytics.market.PoolBarStore;
import io.tideline.messaging.tx.Transactions;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Backtests of concentrated-liquidity strategies, run as jobs: start one, follow it, read, list and compare them. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/analytics/backtests")
@Tag(name = "Backtests")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {

    private final Transactions transactions;
    private final BacktestJobs jobs;
    private final BacktestStore store;
    private final ObjectMapper json;
    private final PoolBarStore bars;

    public BacktestResource(Transactions transactions, BacktestJobs jobs, BacktestStore store, ObjectMapper json,
            PoolBarStore bars) {
        this.transactions = transactions;
        this.bars = bars;
        this.jobs = jobs;
        this.store = store;
        this.json = json;
    }

    /** A job's state and, once done, its result. */
    public record View(BacktestStore.Job job, JsonNode result) {
    }

    /** Backtests side by side: each one's job and result figures (no curve, no actions). */
    public record Comparison(List<View> backtests) {
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a backtest job: 202 with its Location; follow its progress there")
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names it")
    public Response start(JsonNode body, @Context UriInfo uri) {
        BacktestRequest request = BacktestRequest.read(body,
                (pool, interval, from, to) -> bars.bars(transactions.reads(), pool, interval, from, to));
        UUID id = jobs.submit(request.name(), request.strategy(), request.series(), body.toString());
        return Response.accepted(new View(new BacktestStore.Job(id, request.name(), "RUNNING",
                        request.series().bars().size() - 1, 0, null, null, null), null))
                .location(uri.getAbsolutePathBuilder().path(id.toString()).build()).build();
    }

    @GET
    @Operation(summary = "Backtests, newest first (jobs only)")
    public List<BacktestStore.Job> list(@QueryParam("limit") Integer limit) {
        int l = limit == null ? 50 : limit;
        if (l < 1 || l > 500) {
            throw ProblemException.badField("limit", "must be in [1, 500]");
        }
        return store.list(transactions.reads(), l);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A backtest's progress (done of steps) and, once DONE, its result")
    @APIResponse(responseCode = "404", description = "No such backtest")
    public View get(@PathParam("id") String id) {
        return view(uuid("id", id), true);
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Backtests side by side (ids: comma-separated), their figures and metrics")
    @APIResponse(responseCode = "400", description = "ids missing or malformed")
    public Comparison compare(@QueryParam("ids") String ids) {
        if (ids == null || ids.isBlank()) {
            throw ProblemException.badField("ids", "is required: backtest ids separated by commas");
        }
        List<View> views = new ArrayList<>();
        for (String id : ids.split(",")) {
            views.add(view(uuid("ids", id.trim()), false));
        }
        return new Comparison(views);
    }

    private View view(UUID id, boolean full) {
        BacktestStore.Job job = store.job(transactions.reads(), id)
                .orElseThrow(() -> ProblemException.notFound("backtest " + id));
        JsonNode result = store.result(transactions.reads(), id).map(this::parse).orElse(null);
        if (result != null && !full) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) result).remove(List.of("actions", "equity"));
        }
        return new View(job, result);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a kept backtest result is not JSON", e);
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "'" + value + "' is not a backtest id (a UUID)");
        }
    }
}
