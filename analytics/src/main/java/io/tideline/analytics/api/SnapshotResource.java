package io.tideline.analytics.api;

import io.tideline.analytics.portfolio.Figures;
import io.tideline.analytics.snapshot.Level;
import io.tideline.analytics.snapshot.SnapshotLine;
import io.tideline.analytics.snapshot.SnapshotService;
import io.tideline.analytics.snapshot.SnapshotStore;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.input.Identifiers;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Snapshots: take one now; the time series of value and P&amp;L of a strategy, a book or the desk, paginated. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/snapshots")
@Tag(name = "Snapshots")
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotResource {

    private final Transactions transactions;
    private final SnapshotService snapshots;
    private final SnapshotStore store;
    private final Clock clock;

    public SnapshotResource(Transactions transactions, SnapshotService snapshots, SnapshotStore store, Clock clock) {
        this.transactions = transactions;
        this.snapshots = snapshots;
        this.store = store;
        this.clock = clock;
    }

    /** One point of a series. */
    public record Point(long snapshotId, Instant takenAt, java.math.BigDecimal value, java.math.BigDecimal totalPnl,
                        Figures figures) {
    }

    /** A page of a series; {@code next} is the {@code after} of the next page, null on the last. */
    public record Page(Level level, String scope, List<Point> points, String next) {
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Operation(summary = "Take a snapshot now (kept; scheduled ones are taken every tideline.analytics.snapshots"
            + ".interval, hourly by default)")
    public SnapshotService.Taken take() {
        return snapshots.take(SnapshotService.ON_DEMAND);
    }

    @GET
    @Path("/series")
    @Operation(summary = "Value and P&L of one scope at each snapshot, oldest first", description = "level STRATEGY,"
            + " BOOK or DESK (default); scope the strategy id, the book (LP, MM, PM) or desk; from/to ISO-8601"
            + " (default: everything up to now); after: the cursor of the previous page; limit 1..5000, default 500.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it")
    public Page series(@QueryParam("level") String level, @QueryParam("scope") String scope,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        Level l = Params.choice("level", level, Level.class, Level.DESK);
        String s = scope == null || scope.isEmpty() ? (l == Level.DESK ? "desk" : null) : scope;
        if (s == null) {
            throw io.tideline.service.problem.ProblemException.badField("scope", "is required for level " + l);
        }
        Identifiers.require("scope", s);
        Instant start = Params.instant("from", from, Instant.EPOCH);
        Instant cursor = Params.instant("after", after, null);
        Instant end = Params.instant("to", to, clock.instant());
        int n = Params.limit(limit);
        Instant exclusiveStart = cursor != null && cursor.isAfter(start) ? cursor : start.minusNanos(1000);
        List<SnapshotLine> lines = store.series(transactions.reads(), l, s, exclusiveStart, end, n + 1);
        boolean more = lines.size() > n;
        List<Point> points = lines.stream().limit(n).map(x -> new Point(x.snapshotId(), x.takenAt(),
                x.figures().value(), x.figures().totalPnl(), x.figures())).toList();
        return new Page(l, s, points, more ? points.get(points.size() - 1).takenAt().toString() : null);
    }
}
