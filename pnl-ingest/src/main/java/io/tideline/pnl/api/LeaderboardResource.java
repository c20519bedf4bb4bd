package io.tideline.pnl.api;

import io.tideline.pnl.pnl.Leaderboard;
import io.tideline.pnl.pnl.LeaderboardQueries;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Traders ranked by realized P&amp;L, current as soon as a PnlRealized is committed. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/leaderboard")
@Tag(name = "P&L")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    private final LeaderboardQueries queries;
    private final Clock clock;

    public LeaderboardResource(LeaderboardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Traders ranked by realized P&L",
            description = "window: all (default), weekly (the last 7 UTC days, today included) or daily (today, UTC)."
                    + " Ties rank by user id.")
    public Leaderboard board(@QueryParam("window") String window, @QueryParam("limit") Integer limit) {
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
        return new Leaderboard(w, "all".equals(w) ? null : from, today, queries.since(from, max));
    }
}
