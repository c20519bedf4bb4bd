package io.tideline.analytics.api;

import static io.tideline.analytics.api.BacktestRequest.choice;
import static io.tideline.analytics.api.BacktestRequest.guard;
import static io.tideline.analytics.api.BacktestRequest.integer;
import static io.tideline.analytics.api.BacktestRequest.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.CsvBars;
import io.tideline.analytics.market.PoolBarStore;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Pools' series in the store: bars recorded from {@code market.prices} or imported from CSV, read back at any width.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/analytics/series/bars")
@Tag(name = "Series")
@Produces(MediaType.APPLICATION_JSON)
public class PoolSeriesResource {

    private static final int MAX_BARS = 50_000;

    private final Transactions transactions;
    private final PoolBarStore store;
    private final Clock clock;

    public PoolSeriesResource(Transactions transactions, PoolBarStore store, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
    }

    /** What an import kept. */
    public record Imported(String pool, BarInterval interval, int bars) {
    }

    @GET
    @Operation(summary = "A pool's bars of one width starting in [from, to) (default: the last day), oldest first")
    public List<Bar> bars(@QueryParam("pool") String pool, @QueryParam("interval") String interval,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        String named = Identifiers.require("pool", pool);
        BarInterval width = Params.choice("interval", interval, BarInterval.class, BarInterval.H1);
        Instant end = Params.instant("to", to, clock.instant());
        Instant start = Params.instant("from", from, end.minusSeconds(86_400));
        Params.window(start, end);
        if ((end.getEpochSecond() - start.getEpochSecond()) / BarInterval.M1.seconds() > MAX_BARS * 10L) {
            throw ProblemException.badField("from", "the window holds more than " + MAX_BARS * 10 + " minutes");
        }
        return store.bars(transactions.reads(), named, width, start, end);
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a pool's bars from CSV into the series store (bars of the same start are replaced)")
    @APIResponse(responseCode = "201", description = "Kept")
    @APIResponse(responseCode = "400", description = "A field or a CSV cell is invalid; the problem names it")
    public Response importBars(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badField("body", "must be a JSON object");
        }
        String pool = Identifiers.require("pool", text(body, "pool", null));
        BarInterval interval = choice(body, "interval", BarInterval.class);
        int decimals0 = integer(body, "decimals0");
        int decimals1 = integer(body, "decimals1");
        for (String field : new String[] {"decimals0", "decimals1"}) {
            int d = integer(body, field);
            if (d < 0 || d > 36) {
                throw ProblemException.badField(field, "must be 0 to 36");
            }
        }
        String csv = text(body, "csv", null);
        List<Bar> bars = guard("csv", () -> CsvBars.read(new StringReader(csv), interval, decimals0, decimals1));
        if (bars.isEmpty() || bars.size() > MAX_BARS) {
            throw ProblemException.badField("csv", "must hold 1 to " + MAX_BARS + " bars");
        }
        transactions.execute(tx -> store.importBars(tx, pool, bars));
        return Response.status(Response.Status.CREATED).entity(new Imported(pool, interval, bars.size())).build();
    }
}
