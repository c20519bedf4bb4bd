package io.tideline.pnl.pnl;

import io.tideline.pnl.config.PnlWiring;
import io.tideline.service.problem.ProblemException;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Traders ranked by realized P&amp;L. Read from per-user daily totals that each execution and realization updates in
 * its own transaction, so the board is current as soon as a PnlRealized is committed (no batch).
 */
@Path("/api/v1/leaderboard")
@Tag(name = "P&L")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    private final PnlWiring wiring;
    private final Clock clock;

    public LeaderboardResource(PnlWiring wiring, Clock clock) {
        this.wiring = wiring;
        this.clock = clock;
    }

    /**
     * One trader's line.
     *
     * @param trades  executions in the window
     * @param winRate closes with a positive P&amp;L / closes, 4 decimal places (half-even); absent with no closes
     */
    public record Entry(int rank, String user, BigDecimal pnl, long trades, long closes, BigDecimal winRate) {
    }

    public record Board(String window, LocalDate from, LocalDate to, List<Entry> entries) {
    }

    @GET
    @Operation(summary = "Traders ranked by realized P&L",
            description = "window: all (default), weekly (the last 7 UTC days, today included) or daily (today, UTC)."
                    + " Ties rank by user id.")
    public Board board(@QueryParam("window") String window, @QueryParam("limit") Integer limit) {
        String w = window == null ? "all" : window.trim().toLowerCase(Locale.ROOT);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = switch (w) {
            case "all" -> LocalDate.of(1970, 1, 1);
            case "weekly" -> today.minusDays(6);
            case "daily" -> today;
            default -> throw ProblemException.badField("window", "must be all, weekly or daily");
        };
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            throw ProblemException.badField("limit", "must be between 1 and 1000");
        }
        List<Entry> entries = new ArrayList<>();
        wiring.tx().run(c -> wiring.sql().list(c, "select user_id, sum(realized_pnl) as pnl, sum(trades) as trades,"
                + " sum(closes) as closes, sum(wins) as wins from pnl_daily where day >= $1"
                + " group by user_id having sum(trades) <> 0 or sum(closes) <> 0"
                + " order by pnl desc, user_id limit $2", Tuple.of(from, max), r -> {
                    long closes = r.getLong("closes");
                    BigDecimal rate = closes == 0 ? null : BigDecimal.valueOf(r.getLong("wins"))
                            .divide(BigDecimal.valueOf(closes), 4, RoundingMode.HALF_EVEN);
                    entries.add(new Entry(entries.size() + 1, r.getString("user_id"), r.getBigDecimal("pnl"),
                            r.getLong("trades"), closes, rate));
                    return null;
                }));
        return new Board(w, "all".equals(w) ? null : from, today, entries);
    }
}
