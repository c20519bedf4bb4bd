package io.tideline.analytics.api;

import io.tideline.analytics.attribution.AttributionService;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** P&amp;L attribution over a window, per strategy, per book and for the desk. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/attribution")
@Tag(name = "Attribution")
@Produces(MediaType.APPLICATION_JSON)
public class AttributionResource {

    private final Transactions transactions;
    private final AttributionService attribution;
    private final Clock clock;

    public AttributionResource(Transactions transactions, AttributionService attribution, Clock clock) {
        this.transactions = transactions;
        this.attribution = attribution;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Fees, impermanent loss, market, hedge, funding, fees paid, take-profit and prediction-market"
            + " P&L over [from, to]; the parts sum to the total exactly (scale 18)", description = "from: ISO-8601"
            + " (default: the beginning); to: ISO-8601 (default: now, valued live). The window's start is the last"
            + " snapshot at or before from; its end the last snapshot at or before to, or the live portfolio.")
    @APIResponse(responseCode = "400", description = "from/to invalid or from not before to")
    public AttributionService.Report over(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant start = Params.instant("from", from, Instant.EPOCH);
        Instant end = Params.instant("to", to, now);
        Params.window(start, end);
        return attribution.over(transactions.reads(), start, end, now);
    }
}
