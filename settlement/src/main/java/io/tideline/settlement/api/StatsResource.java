package io.tideline.settlement.api;

import io.tideline.service.security.Roles;
import io.tideline.settlement.stats.StatsQuery.Stats;
import io.tideline.settlement.stats.StatsQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Counts of what settlement holds. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/stats")
@Tag(name = "Stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsQuery query;

    public StatsResource(StatsQuery query) {
        this.query = query;
    }

    @GET
    @Operation(summary = "Sessions (active within the lookback, stopped by their stop-loss), fills, take-profits by"
            + " state, take-profit fills, runs and the duplicates they prevented")
    public Stats stats() {
        return query.stats();
    }
}
