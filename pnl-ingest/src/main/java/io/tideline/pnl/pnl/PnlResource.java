package io.tideline.pnl.pnl;

import io.tideline.events.pnl.CostBasisMethod;
import io.tideline.messaging.outbox.Outbox;
import io.tideline.messaging.sql.BlockingSql;
import io.tideline.pnl.config.PnlWiring;
import io.tideline.pnl.execution.UserIds;
import io.tideline.service.problem.ProblemException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A user's P&amp;L (realized from the stored realizations, unrealized from the open lots at the last traded price),
 * their cost-basis method, and market resolutions. Money is in the venue's collateral, as decimal strings/numbers.
 */
@Path("/api/v1")
@Tag(name = "P&L")
@Produces(MediaType.APPLICATION_JSON)
public class PnlResource {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final PnlWiring wiring;
    private final Clock clock;

    public PnlResource(PnlWiring wiring, Clock clock) {
        this.wiring = wiring;
        this.clock = clock;
    }

    /**
     * An open position in one outcome.
     *
     * @param lastPrice the last traded price of the outcome on its venue (1 or 0 once resolved)
     * @param unrealizedPnl shares x lastPrice - costBasis - the buy fees not yet realized
     */
    public record OpenPosition(String venue, String market, String outcome, String alertId, BigDecimal shares,
                               BigDecimal costBasis, BigDecimal openFees, BigDecimal lastPrice,
                               BigDecimal unrealizedPnl) {
    }

    /** Realized and unrealized P&amp;L of one slice (a venue, or an alert; alertId absent = no alert). */
    public record Slice(String key, BigDecimal realized, BigDecimal unrealized) {
    }

    public record UserPnl(String user, CostBasisMethod method, BigDecimal realized, BigDecimal fees, long closes,
                          long wins, BigDecimal unrealized, List<Slice> byVenue, List<Slice> byAlert,
                          List<OpenPosition> positions) {
    }

    public record MethodRequest(String method) {
    }

    /** A market's resolution: the outcome that pays 1 per share; every other outcome pays 0. */
    public record ResolutionRequest(String venue, String market, String winningOutcome, Instant resolvedAt) {
    }

    public record ResolutionResult(String venue, String market, String winningOutcome, Instant resolvedAt,
                                   int realizations, String status) {
    }

    @GET
    @Path("/pnl/{user}")
    @Operation(summary = "A user's realized and unrealized P&L, by venue and by alert, with open positions",
            description = "realized = proceeds - cost basis - fees of every close; unrealized = open shares at the last"
                    + " traded price - their cost - their buy fees not yet realized.")
    public UserPnl pnl(@PathParam("user") String user) {
        String who = UserIds.normalize(user);
        return wiring.tx().run(c -> {
            BlockingSql sql = wiring.sql();
            List<OpenPosition> positions = sql.list(c, "select l.venue, l.market, l.outcome, l.alert_id,"
                    + " sum(l.remaining) as shares, sum(l.remaining * l.price) as cost, sum(l.remaining_fee) as fees,"
                    + " coalesce((select case when r.winning_outcome = l.outcome then 1 else 0 end"
                    + "   from market_resolution r where r.venue = l.venue and r.market = l.market),"
                    + "  (select e.price from execution e where e.venue = l.venue and e.market = l.market"
                    + "   and e.outcome = l.outcome and not e.retracted order by e.executed_at desc,"
                    + "   e.recorded_at desc limit 1)) as last_price"
                    + " from pnl_lot l where l.user_id = $1 and l.remaining > 0"
                    + " group by l.venue, l.market, l.outcome, l.alert_id order by l.venue, l.market, l.outcome",
                    Tuple.of(who), PnlResource::position);
            Map<String, BigDecimal[]> byVenue = new LinkedHashMap<>();
            Map<String, BigDecimal[]> byAlert = new LinkedHashMap<>();
            for (Row r : sql.list(c, "select venue, alert_id, sum(realized_pnl) as pnl from pnl_realization"
                    + " where user_id = $1 group by venue, alert_id order by venue, alert_id", Tuple.of(who), r -> r)) {
                add(byVenue, r.getString("venue"), 0, r.getBigDecimal("pnl"));
                add(byAlert, r.getString("alert_id"), 0, r.getBigDecimal("pnl"));
            }
            BigDecimal unrealized = BigDecimal.ZERO;
            for (OpenPosition p : positions) {
                add(byVenue, p.venue(), 1, p.unrealizedPnl());
                add(byAlert, p.alertId(), 1, p.unrealizedPnl());
                unrealized = unrealized.add(p.unrealizedPnl());
            }
            Row totals = sql.first(c, "select coalesce(sum(realized_pnl), 0) as pnl, coalesce(sum(fees), 0) as fees,"
                    + " count(*) as closes, count(*) filter (where realized_pnl > 0) as wins from pnl_realization"
                    + " where user_id = $1", Tuple.of(who), r -> r).orElseThrow();
            return new UserPnl(who, wiring.ledger().methodOf(c, who), totals.getBigDecimal("pnl"),
                    totals.getBigDecimal("fees"), totals.getLong("closes"), totals.getLong("wins"), unrealized,
                    slices(byVenue), slices(byAlert), positions);
        });
    }

    @PUT
    @Path("/pnl/{user}/method")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's cost-basis method (FIFO, LIFO or HIFO)",
            description = "Applies to the user's later sales; what was realized before stays as it was.")
    public Map<String, String> setMethod(@PathParam("user") String user, MethodRequest request) {
        String who = UserIds.normalize(user);
        CostBasisMethod method;
        try {
            method = CostBasisMethod.valueOf(Objects.requireNonNull(request == null ? null : request.method())
                    .trim().toUpperCase(Locale.ROOT));
        } catch (NullPointerException | IllegalArgumentException e) {
            throw ProblemException.badField("method", "must be FIFO, LIFO or HIFO");
        }
        wiring.tx().run(c -> wiring.sql().exec(c, "insert into user_cost_basis (user_id, method) values ($1, $2)"
                + " on conflict (user_id) do update set method = excluded.method", Tuple.of(who, method.name())));
        return Map.of("user", who, "method", method.name());
    }

    @POST
    @Path("/markets/resolutions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve a market: every open lot in it is realized at 1 (winning outcome) or 0",
            description = "Idempotent: the same resolution again answers 200 with status duplicate; a different"
                    + " winning outcome for a resolved market is a 409. resolvedAt defaults to now.")
    public Response resolve(ResolutionRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "required: a JSON resolution");
        }
        String venue = text(request.venue(), "venue").toLowerCase(Locale.ROOT);
        String market = text(request.market(), "market");
        String winner = text(request.winningOutcome(), "winningOutcome");
        Instant at = (request.resolvedAt() == null ? clock.instant() : request.resolvedAt())
                .truncatedTo(ChronoUnit.MICROS);
        ResolutionResult result = wiring.inTransaction(c -> {
            BlockingSql sql = wiring.sql();
            int inserted = sql.exec(c, "insert into market_resolution (venue, market, winning_outcome, resolved_at)"
                    + " values ($1, $2, $3, $4) on conflict do nothing", Tuple.of(venue, market, winner,
                    BlockingSql.utc(at)));
            if (inserted == 0) {
                Row known = sql.first(c, "select * from market_resolution where venue = $1 and market = $2",
                        Tuple.of(venue, market), r -> r).orElseThrow();
                if (!known.getString("winning_outcome").equals(winner)) {
                    throw ProblemException.conflict("market " + venue + "/" + market + " was resolved to "
                            + known.getString("winning_outcome"));
                }
                return new ResolutionResult(venue, market, winner, BlockingSql.instant(known, "resolved_at"), 0,
                        "duplicate");
            }
            var events = wiring.ledger().resolve(c, venue, market, winner, at);
            Outbox.appendWithin(c, events, DB_TIMEOUT);
            return new ResolutionResult(venue, market, winner, at, events.size(), "resolved");
        });
        return Response.status("duplicate".equals(result.status()) ? 200 : 201).entity(result).build();
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "required");
        }
        return value.trim();
    }

    private static void add(Map<String, BigDecimal[]> slices, String key, int column, BigDecimal amount) {
        BigDecimal[] slice = slices.computeIfAbsent(key == null ? "" : key,
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        slice[column] = slice[column].add(amount);
    }

    private static List<Slice> slices(Map<String, BigDecimal[]> slices) {
        List<Slice> list = new ArrayList<>();
        slices.forEach((k, v) -> list.add(new Slice(k.isEmpty() ? null : k, v[0], v[1])));
        return list;
    }

    private static OpenPosition position(Row r) {
        BigDecimal shares = r.getBigDecimal("shares");
        BigDecimal cost = r.getBigDecimal("cost");
        BigDecimal fees = r.getBigDecimal("fees");
        BigDecimal last = r.getBigDecimal("last_price");
        BigDecimal unrealized = last == null ? BigDecimal.ZERO : shares.multiply(last).subtract(cost).subtract(fees);
        return new OpenPosition(r.getString("venue"), r.getString("market"), r.getString("outcome"),
                r.getString("alert_id"), shares, cost, fees, last, unrealized);
    }
}
