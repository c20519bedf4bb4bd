package io.tideline.pnl.api;

import io.tideline.messaging.tx.Transactions;
import io.tideline.pnl.alert.AlertQueries;
import io.tideline.pnl.alert.AlertStats;
import io.tideline.pnl.alert.AlertStore;
import io.tideline.pnl.alert.AlertView;
import io.tideline.pnl.alert.ArbitrageAlertRequest;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.Problem;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Arbitrage alerts (named so to keep them apart from the alerting service's alerts): created by the desk's scanner,
 * matched to the executions that follow them, and counted for conversion.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/arbitrage-alerts")
@Tag(name = "Arbitrage alerts")
@Produces(MediaType.APPLICATION_JSON)
public class ArbitrageAlertResource {

    private final Transactions transactions;
    private final AlertStore alerts;
    private final AlertQueries queries;
    private final Clock clock;

    public ArbitrageAlertResource(Transactions transactions, AlertStore alerts, AlertQueries queries, Clock clock) {
        this.transactions = transactions;
        this.alerts = alerts;
        this.queries = queries;
        this.clock = clock;
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an arbitrage alert",
            description = "legs: venue, market, outcome, side (BUY/SELL), expectedPrice, optional tokenId (an"
                    + " on-chain outcome token: recorded so that trades in it are read as this market and outcome)."
                    + " createdAt defaults to now; expiresAt must be after it. An existing alertId is a 409.")
    @APIResponse(responseCode = "201", description = "created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "400", description = "a field is missing or invalid (named in errors[])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "an alert with this id exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AlertView> create(ArbitrageAlertRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "required: a JSON alert");
        }
        Instant created = (request.createdAt() == null ? clock.instant() : request.createdAt())
                .truncatedTo(ChronoUnit.MICROS);
        request.validate(created);
        List<ArbitrageAlertRequest.ValidLeg> legs = request.validLegs();
        String id = request.alertId() == null ? UUID.randomUUID().toString() : request.alertId();
        AlertView view = transactions.run(uow -> {
            if (!alerts.create(uow, id, request.expectedEdge(), created, request.expiresAt(), legs)) {
                throw ProblemException.conflict("arbitrage alert " + id + " exists");
            }
            return queries.find(uow, id).orElseThrow();
        });
        return RestResponse.status(RestResponse.Status.CREATED, view);
    }

    @GET
    @Path("/{alertId}")
    @Operation(summary = "One arbitrage alert with its legs and the number of executions matched to it")
    public AlertView get(@PathParam("alertId") String alertId) {
        Identifiers.require("alertId", alertId);
        return queries.find(alertId).orElseThrow(() -> ProblemException.notFound("arbitrage alert " + alertId));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Alert to execution conversion",
            description = "Over all alerts kept: how many are open, expired, and followed by at least one execution;"
                    + " executions matched to an alert and not.")
    public AlertStats stats() {
        return queries.stats();
    }
}
