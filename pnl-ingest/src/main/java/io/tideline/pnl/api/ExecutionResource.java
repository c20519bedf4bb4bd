package io.tideline.pnl.api;

import io.tideline.messaging.tx.Transactions;
import io.tideline.pnl.execution.Execution;
import io.tideline.pnl.execution.ExecutionQueries;
import io.tideline.pnl.execution.ExecutionRequest;
import io.tideline.pnl.execution.ExecutionView;
import io.tideline.pnl.execution.UserIds;
import io.tideline.pnl.recording.ExecutionRecorder;
import io.tideline.service.problem.Problem;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Executions: posted by off-chain venues, and listed per user whatever brought them. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/executions")
@Tag(name = "Executions")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {

    private final Transactions transactions;
    private final ExecutionRecorder recorder;
    private final ExecutionQueries queries;

    public ExecutionResource(Transactions transactions, ExecutionRecorder recorder, ExecutionQueries queries) {
        this.transactions = transactions;
        this.recorder = recorder;
        this.queries = queries;
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a fill from an off-chain venue (e.g. Kalshi)",
            description = "Idempotent on (venue, tradeId): the same fill again answers 200 with status duplicate and"
                    + " changes nothing; the same trade id with different figures is a 409. A new fill answers 201,"
                    + " is matched to an arbitrage alert and applied to the user's lots.")
    @APIResponse(responseCode = "201", description = "recorded now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionView.class)))
    @APIResponse(responseCode = "200", description = "recorded before with the same figures: status duplicate", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionView.class)))
    @APIResponse(responseCode = "400", description = "a field is missing or invalid (named in errors[])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "recorded before with other figures",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ExecutionView> record(ExecutionRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "required: a JSON execution");
        }
        Execution e = request.toExecution();
        ExecutionRecorder.Recorded recorded = transactions.run(uow -> {
            ExecutionRecorder.Recorded r = recorder.record(uow, e, null);
            if (r.duplicate() && !r.stored().execution().sameFill(e)) {
                throw ProblemException.conflict("trade " + e.executionId() + " was recorded before with other"
                        + " figures: " + r.stored().execution());
            }
            return r;
        });
        ExecutionView view = ExecutionView.of(recorded.stored(), recorded.duplicate() ? "duplicate" : "recorded");
        return RestResponse.status(recorded.duplicate() ? RestResponse.Status.OK : RestResponse.Status.CREATED, view);
    }

    @GET
    @Path("/{user}")
    @Operation(summary = "A user's executions, newest first",
            description = "user: a wallet address (any case) or an off-chain venue's account name.")
    public List<ExecutionView> ofUser(@PathParam("user") String user, @QueryParam("limit") Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            throw ProblemException.badField("limit", "must be between 1 and 1000");
        }
        return queries.ofUser(UserIds.normalize(user), max);
    }
}
