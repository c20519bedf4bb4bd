package io.tideline.pnl.alert;

import io.tideline.events.TradeSide;
import io.tideline.messaging.sql.BlockingSql;
import io.tideline.pnl.config.PnlWiring;
import io.tideline.service.problem.ProblemException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Arbitrage alerts (named so to keep them apart from the alerting service's alerts): created by the desk's scanner,
 * matched to the executions that follow them, and counted for conversion.
 */
@Path("/api/v1/arbitrage-alerts")
@Tag(name = "Arbitrage alerts")
@Produces(MediaType.APPLICATION_JSON)
public class ArbitrageAlertResource {

    private final PnlWiring wiring;
    private final Clock clock;

    public ArbitrageAlertResource(PnlWiring wiring, Clock clock) {
        this.wiring = wiring;
        this.clock = clock;
    }

    /** An alert as stored, with how many executions followed it. */
    public record AlertView(String alertId, List<ArbitrageAlertRequest.ValidLeg> legs, BigDecimal expectedEdge,
                            Instant createdAt, Instant expiresAt, String status, long executions) {
    }

    /**
     * Conversion: of the alerts created in the period, how many were followed by at least one execution.
     *
     * @param conversionRate converted / alerts, 4 decimal places (half-even); absent with no alerts
     */
    public record AlertStats(long alerts, long open, long expired, long converted, BigDecimal conversionRate,
                             long executionsMatched, long executionsUnmatched) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an arbitrage alert",
            description = "legs: venue, market, outcome, side (BUY/SELL), expectedPrice, optional tokenId (an"
                    + " on-chain outcome token: recorded so that trades in it are read as this market and outcome)."
                    + " createdAt defaults to now; expiresAt must be after it. An existing alertId is a 409.")
    public Response create(ArbitrageAlertRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "required: a JSON alert");
        }
        Instant created = (request.createdAt() == null ? clock.instant() : request.createdAt())
                .truncatedTo(ChronoUnit.MICROS);
        request.validate(created);
        List<ArbitrageAlertRequest.ValidLeg> legs = request.validLegs();
        String id = request.alertId() == null ? UUID.randomUUID().toString() : request.alertId().trim();
        AlertView view = wiring.inTransaction(c -> {
            int inserted = wiring.sql().exec(c, "insert into arbitrage_alert (alert_id, expected_edge, created_at,"
                    + " expires_at) values ($1, $2, $3, $4) on conflict (alert_id) do nothing", Tuple.of(id,
                    request.expectedEdge(), BlockingSql.utc(created), BlockingSql.utc(request.expiresAt())));
            if (inserted == 0) {
                throw ProblemException.conflict("arbitrage alert " + id + " exists");
            }
            List<Tuple> rows = new ArrayList<>();
            for (int i = 0; i < legs.size(); i++) {
                ArbitrageAlertRequest.ValidLeg leg = legs.get(i);
                rows.add(Tuple.tuple(Arrays.asList(id, i, leg.venue(), leg.market(), leg.outcome(), leg.side().name(),
                        leg.expectedPrice(), leg.tokenId() == null ? null : new BigDecimal(leg.tokenId()))));
                if (leg.tokenId() != null) {
                    wiring.sql().exec(c, "insert into outcome_token (token_id, venue, market, outcome) values ($1, $2,"
                            + " $3, $4) on conflict (token_id) do nothing", Tuple.of(new BigDecimal(leg.tokenId()),
                            leg.venue(), leg.market(), leg.outcome()));
                }
            }
            wiring.sql().batch(c, "insert into arbitrage_alert_leg (alert_id, leg, venue, market, outcome, side,"
                    + " expected_price, token_id) values ($1, $2, $3, $4, $5, $6, $7, $8)", rows);
            return find(c, id);
        });
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("/{alertId}")
    @Operation(summary = "One arbitrage alert with its legs and the number of executions matched to it")
    public AlertView get(@PathParam("alertId") String alertId) {
        return wiring.tx().run(c -> find(c, alertId));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Alert to execution conversion",
            description = "Over all alerts kept: how many are open, expired, and followed by at least one execution;"
                    + " executions matched to an alert and not.")
    public AlertStats stats() {
        return wiring.tx().run(c -> wiring.sql().first(c, "select"
                + " (select count(*) from arbitrage_alert) as alerts,"
                + " (select count(*) from arbitrage_alert where status = 'OPEN') as open,"
                + " (select count(*) from arbitrage_alert where status = 'EXPIRED') as expired,"
                + " (select count(distinct alert_id) from execution where alert_id is not null and not retracted)"
                + " as converted,"
                + " (select count(*) from execution where alert_id is not null and not retracted) as matched,"
                + " (select count(*) from execution where alert_id is null and not retracted) as unmatched",
                Tuple.tuple(), r -> {
                    long alerts = r.getLong("alerts");
                    long converted = r.getLong("converted");
                    BigDecimal rate = alerts == 0 ? null : BigDecimal.valueOf(converted)
                            .divide(BigDecimal.valueOf(alerts), 4, RoundingMode.HALF_EVEN);
                    return new AlertStats(alerts, r.getLong("open"), r.getLong("expired"), converted, rate,
                            r.getLong("matched"), r.getLong("unmatched"));
                }).orElseThrow());
    }

    private AlertView find(SqlClient c, String id) {
        List<ArbitrageAlertRequest.ValidLeg> legs = wiring.sql().list(c, "select * from arbitrage_alert_leg"
                + " where alert_id = $1 order by leg", Tuple.of(id), ArbitrageAlertResource::leg);
        return wiring.sql().first(c, "select a.*, (select count(*) from execution e where e.alert_id = a.alert_id"
                        + " and not e.retracted) as executions from arbitrage_alert a where a.alert_id = $1",
                Tuple.of(id), r -> new AlertView(r.getString("alert_id"), legs, r.getBigDecimal("expected_edge"),
                        BlockingSql.instant(r, "created_at"), BlockingSql.instant(r, "expires_at"),
                        r.getString("status"), r.getLong("executions")))
                .orElseThrow(() -> ProblemException.notFound("arbitrage alert " + id));
    }

    private static ArbitrageAlertRequest.ValidLeg leg(Row r) {
        BigDecimal token = r.getBigDecimal("token_id");
        return new ArbitrageAlertRequest.ValidLeg(r.getString("venue"), r.getString("market"), r.getString("outcome"),
                TradeSide.valueOf(r.getString("side")), r.getBigDecimal("expected_price"),
                token == null ? null : token.toBigIntegerExact().toString());
    }
}
