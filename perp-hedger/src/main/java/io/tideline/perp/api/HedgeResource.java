package io.tideline.perp.api;

import io.tideline.events.EventEnvelope;
import io.tideline.events.perp.HedgeRequested;
import io.tideline.messaging.outbox.Outbox;
import io.tideline.perp.execution.HedgeWorker;
import io.tideline.perp.hedge.ExternalIds;
import io.tideline.perp.hedge.Hedge;
import io.tideline.perp.hedge.HedgeEvents;
import io.tideline.perp.hedge.HedgeOrder;
import io.tideline.perp.hedge.HedgeStore;
import io.tideline.service.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The hedges of LP positions: by position and status, one with its orders and fills, the failed ones, and a manual
 * retry of a failed order. Quantities are in the market's base asset and money in its collateral asset, as decimal
 * strings; venue ids are strings.
 */
@Path("/api/v1/hedges")
@Tag(name = "Hedges")
@Produces(MediaType.APPLICATION_JSON)
public class HedgeResource {

    private static final Set<String> STATUSES = Set.of("OPENING", "OPEN", "CLOSING", "CLOSED", "FAILED", "UNHEDGED");

    private final HedgeWorker worker;
    private final HedgeStore store;

    public HedgeResource(HedgeWorker worker) {
        this.worker = worker;
        this.store = worker.store();
    }

    /** A hedge with its orders and fills. */
    public record HedgeDetail(Hedge hedge, List<HedgeOrder> orders, List<HedgeStore.StoredTrade> fills) {
    }

    /** A failed order with the hedge it belongs to. */
    public record FailedOrder(HedgeOrder order, String hedgeStatus, String hedgeDetail) {
    }

    @GET
    @Operation(summary = "Hedges, newest first, by LP position key and/or status",
            description = "status: OPENING, OPEN, CLOSING, CLOSED, FAILED, UNHEDGED. positionKey: chainId:positionManager:tokenId.")
    public List<Hedge> list(@QueryParam("positionKey") String positionKey, @QueryParam("status") String status,
            @QueryParam("limit") Integer limit) {
        String normalized = status == null ? null : status.trim().toUpperCase(Locale.ROOT);
        if (normalized != null && !STATUSES.contains(normalized)) {
            throw ProblemException.badField("status", "must be one of " + STATUSES.stream().sorted().toList());
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            throw ProblemException.badField("limit", "must be between 1 and 1000");
        }
        String key = positionKey == null ? null : positionKey.trim().toLowerCase(Locale.ROOT);
        return worker.tx().run(c -> store.hedges(c, key, normalized, max));
    }

    @GET
    @Path("/failed")
    @Operation(summary = "Orders that failed (rejected, or given up after retries), newest first",
            description = "Each can be sent again with POST /api/v1/hedges/{hedgeId}/retry.")
    public List<FailedOrder> failed() {
        return worker.tx().run(c -> store.ordersInState(c, "FAILED", 200).stream().map(o -> {
            Hedge h = store.hedge(c, o.hedgeId()).orElseThrow();
            return new FailedOrder(o, h.status(), h.detail());
        }).toList());
    }

    @GET
    @Path("/{hedgeId}")
    @Operation(summary = "One hedge with its orders and the venue's fills")
    public HedgeDetail one(@PathParam("hedgeId") String hedgeId) {
        UUID id = parse(hedgeId);
        return worker.tx().run(c -> {
            Hedge hedge = store.hedge(c, id).orElseThrow(() -> ProblemException.notFound("hedge " + hedgeId));
            return new HedgeDetail(hedge, store.orders(c, id), store.trades(c, id));
        });
    }

    @POST
    @Path("/{hedgeId}/retry")
    @Operation(summary = "Send the hedge's latest failed order again",
            description = "The order goes out under a new external id (its generation + 1), since the venue keeps the"
                    + " failed one. 409 when the hedge has no failed order, or one is outstanding.")
    public HedgeOrder retry(@PathParam("hedgeId") String hedgeId) {
        UUID id = parse(hedgeId);
        return worker.tx().run(c -> {
            Hedge hedge = store.hedgeForUpdate(c, id).orElseThrow(() -> ProblemException.notFound("hedge " + hedgeId));
            List<HedgeOrder> orders = store.orders(c, id);
            if (orders.stream().anyMatch(HedgeOrder::outstanding)) {
                throw ProblemException.conflict("hedge " + hedgeId + " has an order in flight");
            }
            HedgeOrder failed = orders.stream().filter(o -> "FAILED".equals(o.state()))
                    .max(Comparator.comparing(HedgeOrder::updatedAt))
                    .orElseThrow(() -> ProblemException.conflict("hedge " + hedgeId + " has no failed order"));
            boolean superseded = orders.stream().anyMatch(o -> o.step() == failed.step()
                    && o.generation() > failed.generation());
            if (superseded) {
                throw ProblemException.conflict("order " + failed.externalId() + " was retried already");
            }
            UUID key = UUID.randomUUID();
            String externalId = ExternalIds.of(id, failed.step(), failed.generation() + 1);
            store.requeueAsNewGeneration(c, failed, key, externalId);
            String status = "FAILED".equals(hedge.status())
                    ? ("CLOSE".equals(failed.purpose()) ? "CLOSING" : "OPENING") : hedge.status();
            store.updateHedge(c, hedge.with(status, "manual retry of " + failed.externalId()));
            EventEnvelope<?> requested = HedgeEvents.of(externalId, "HedgeRequested", hedge.positionKey(),
                    new HedgeRequested(hedge.positionKey(), id.toString(), failed.step(), failed.market(),
                            failed.side(), failed.quantity(), failed.referencePrice(), externalId));
            Outbox.appendWithin(c, List.of(requested), worker.tx().timeout());
            return store.order(c, key).orElseThrow();
        });
    }

    private static UUID parse(String hedgeId) {
        try {
            return UUID.fromString(hedgeId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("hedgeId", "must be a UUID");
        }
    }
}
