package io.tideline.settlement.api;

import io.tideline.settlement.run.Settlement;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Counts of what settlement holds. */
@Path("/api/v1/stats")
@Tag(name = "Stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final Settlement settlement;

    public StatsResource(Settlement settlement) {
        this.settlement = settlement;
    }

    /** Totals; take-profits by state; the last run's start and duration. */
    public record Stats(long sessions, long activeSessions, long stoppedSessions, long fills, long buyFills,
                        Map<String, Long> takeProfitsByState, long takeProfitFills, long runs,
                        long duplicatesPrevented, Instant lastRunAt, Long lastRunMillis) {
    }

    @GET
    @Operation(summary = "Sessions (active within the lookback, stopped by their stop-loss), fills, take-profits by"
            + " state, take-profit fills, runs and the duplicates they prevented")
    public Stats stats() {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minus(settlement.config().run().lookback());
        return settlement.tx().run(c -> {
            Row totals = settlement.sql().first(c, "select (select count(*) from mm_session),"
                    + " (select count(*) from mm_session where last_activity_at >= $1),"
                    + " (select count(*) from mm_session where stop_loss_state = 'TRIPPED'),"
                    + " (select count(*) from mm_fill), (select count(*) from mm_fill where side = 'BUY'),"
                    + " (select count(*) from tp_fill), (select count(*) from settlement_run),"
                    + " (select coalesce(sum(duplicates_prevented), 0) from settlement_run),"
                    + " (select max(started_at) from settlement_run),"
                    + " (select duration_ms from settlement_run order by started_at desc limit 1)",
                    Tuple.of(since), r -> r).orElseThrow();
            Map<String, Long> byState = new TreeMap<>();
            settlement.sql().list(c, "select state, count(*) from tp_order group by state", Tuple.tuple(),
                    r -> byState.put(r.getString(0), r.getLong(1)));
            OffsetDateTime last = totals.getOffsetDateTime(8);
            return new Stats(totals.getLong(0), totals.getLong(1), totals.getLong(2), totals.getLong(3),
                    totals.getLong(4), byState, totals.getLong(5), totals.getLong(6), totals.getLong(7),
                    last == null ? null : last.toInstant(), totals.getLong(9));
        });
    }
}
