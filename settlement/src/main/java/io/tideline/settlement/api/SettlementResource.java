package io.tideline.settlement.api;

import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import io.tideline.settlement.run.RunInProgressException;
import io.tideline.settlement.run.RunResult;
import io.tideline.settlement.run.RunStore;
import io.tideline.settlement.run.SettlementRunner;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Settlement runs: one now, and the history. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/settlement")
@Tag(name = "Settlement runs")
@Produces(MediaType.APPLICATION_JSON)
public class SettlementResource {

    private final SettlementRunner runner;
    private final RunStore runs;

    public SettlementResource(SettlementRunner runner, RunStore runs) {
        this.runner = runner;
        this.runs = runs;
    }

    /** dryRun: compute and report only (no order placed, nothing but the run record written); sessionId optional. */
    public record RunRequest(Boolean dryRun, String sessionId) {
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run settlement now and answer with what it did",
            description = "Over the sessions active within the lookback (or the one named): stop-loss check, then per"
                    + " pair in parallel: take-profit fills recorded, uncovered positions covered, take-profits of"
                    + " positions in an older tier re-priced. dryRun=true places nothing and reports what a run would"
                    + " place. Each session's part is published as SessionSettled. 409 when this instance is running"
                    + " one already.")
    @APIResponse(responseCode = "200", description = "The run's result")
    @APIResponse(responseCode = "409", description = "A run is in progress in this instance")
    public RunResult run(RunRequest request) {
        boolean dryRun = request != null && Boolean.TRUE.equals(request.dryRun());
        String session = request == null ? null : RequestFields.optionalId("sessionId", request.sessionId());
        try {
            return runner.run("api", dryRun, session);
        } catch (RunInProgressException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }

    @GET
    @Path("/runs")
    @Operation(summary = "Run history, newest first (scheduled and API runs, dry runs included)")
    public List<RunResult> runs(@QueryParam("limit") Integer limit) {
        return runs.latest(RequestFields.limit(limit, 50, 1000));
    }

    @RolesAllowed(Roles.TRADER)
    @GET
    @Path("/runs/{runId}")
    @Operation(summary = "One run")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunResult run(@PathParam("runId") String runId) {
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("runId", "must be a UUID");
        }
        return runs.run(id).orElseThrow(() -> ProblemException.notFound("run " + runId));
    }
}
