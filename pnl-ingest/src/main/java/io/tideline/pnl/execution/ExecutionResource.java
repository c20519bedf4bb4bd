package io.tideline.pnl.execution;

import io.tideline.messaging.outbox.Outbox;
import io.tideline.pnl.config.PnlWiring;
import io.tideline.service.problem.ProblemException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Executions: posted by off-chain venues, and listed per user whatever brought them. */
@Path("/api/v1/executions")
@Tag(name = "Executions")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final PnlWiring wiring;

    public ExecutionResource(PnlWiring wiring) {
        this.wiring = wiring;
    }

    /**
     * An execution as stored.
     *
     * @param status   {@code recorded} when this request stored it, {@code duplicate} when it was stored before
     * @param alertId  the arbitrage alert it was matched to, absent if none
     * @param retracted true when a reorg removed the transfers it was read from
     */
    public record ExecutionView(String executionId, String user, String venue, String market, String outcome,
                                String side, BigDecimal shares, BigDecimal price, BigDecimal fee, Instant executedAt,
                                String txHash, String alertId, boolean retracted, String status) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a fill from an off-chain venue (e.g. Kalshi)",
            description = "Idempotent on (venue, tradeId): the same fill again answers 200 with status duplicate and"
                    + " changes nothing; the same trade id with different figures is a 409. A new fill answers 201,"
                    + " is matched to an arbitrage alert and applied to the user's lots.")
    public Response record(ExecutionRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "required: a JSON execution");
        }
        Execution e = request.toExecution();
        ExecutionView view = wiring.inTransaction(c -> {
            ExecutionRecorder.Recorded recorded = wiring.recorder().record(c, e);
            Execution stored = recorded.duplicate() ? wiring.recorder().find(c, e.executionId()).orElseThrow() : e;
            if (recorded.duplicate() && !sameFill(stored, e)) {
                throw ProblemException.conflict("trade " + e.executionId() + " was recorded before with other"
                        + " figures: " + stored);
            }
            Outbox.appendWithin(c, recorded.events(), DB_TIMEOUT);
            return view(stored, recorded.alertId(), false, recorded.duplicate() ? "duplicate" : "recorded");
        });
        return Response.status("duplicate".equals(view.status()) ? 200 : 201).entity(view).build();
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
        String who = UserIds.normalize(user);
        return wiring.tx().run(c -> wiring.sql().list(c, "select * from execution where user_id = $1"
                + " order by executed_at desc, execution_id desc limit $2", Tuple.of(who, max), ExecutionResource::view));
    }

    private static boolean sameFill(Execution a, Execution b) {
        return a.user().equals(b.user()) && a.market().equals(b.market()) && a.outcome().equals(b.outcome())
                && a.side() == b.side() && a.shares().compareTo(b.shares()) == 0
                && a.price().compareTo(b.price()) == 0 && a.fee().compareTo(b.fee()) == 0
                && a.executedAt().equals(b.executedAt());
    }

    private static ExecutionView view(Row r) {
        Execution e = ExecutionRecorder.execution(r);
        return view(e, r.getString("alert_id"), r.getBoolean("retracted"), "recorded");
    }

    private static ExecutionView view(Execution e, String alertId, boolean retracted, String status) {
        return new ExecutionView(e.executionId(), e.user(), e.venue(), e.market(), e.outcome(), e.side().name(),
                e.shares(), e.price(), e.fee(), e.executedAt(), e.txHash(), alertId, retracted, status);
    }
}
