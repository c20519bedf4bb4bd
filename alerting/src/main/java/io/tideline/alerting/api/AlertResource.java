package io.tideline.alerting.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.tideline.alerting.alert.Alert;
import io.tideline.alerting.alert.AlertQueries;
import io.tideline.alerting.alert.AlertQueries.AlertDetail;
import io.tideline.alerting.alert.AlertService;
import io.tideline.alerting.alert.AlertState;
import io.tideline.events.alert.AlertSeverity;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alerts: list and filter, one with its timeline, statistics (viewer); acknowledge, resolve, snooze (trader). */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/alerts")
@Tag(name = "Alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    static final int MAX_NOTE = 1000;
    static final long MAX_SNOOZE_SECONDS = 7L * 24 * 3600;

    private final AlertQueries queries;
    private final AlertService alerts;
    private final SecurityIdentity caller;
    private final Clock clock;

    public AlertResource(AlertQueries queries, AlertService alerts, SecurityIdentity caller, Clock clock) {
        this.queries = queries;
        this.alerts = alerts;
        this.caller = caller;
        this.clock = clock;
    }

    /** A note to go with an acknowledgement or a resolution (optional). */
    public record Note(String note) {
    }

    /** How long to snooze: {@code until} an instant, or {@code forSeconds} from now (one of the two). */
    public record Snooze(Instant until, Long forSeconds, String note) {
    }

    @GET
    @Operation(summary = "Alerts, newest first", description = "Filters: state (OPEN, ACKNOWLEDGED, RESOLVED),"
            + " severity, ruleId, kind, subject, since (ISO-8601). limit 1..1000, default 100.")
    public List<Alert> list(@QueryParam("state") AlertState state, @QueryParam("severity") AlertSeverity severity,
            @QueryParam("ruleId") String ruleId, @QueryParam("kind") String kind,
            @QueryParam("subject") String subject, @QueryParam("since") String since,
            @QueryParam("limit") Integer limit) {
        return queries.list(new AlertQueries.Filter(state, severity, optionalId("ruleId", ruleId),
                optionalId("kind", kind), optionalId("subject", subject), instant("since", since)), limit(limit));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Counts by severity and rule, MTTA, MTTR and the noisiest rules, for alerts raised since a"
            + " time (default: the last 7 days)")
    public AlertQueries.Stats stats(@QueryParam("since") String since) {
        Instant from = instant("since", since);
        return queries.stats(from == null ? clock.instant().minusSeconds(7L * 24 * 3600) : from);
    }

    @GET
    @Path("/{alertId}")
    @Operation(summary = "One alert with its timeline")
    @APIResponse(responseCode = "404", description = "No such alert")
    public AlertDetail one(@PathParam("alertId") String alertId) {
        Identifiers.require("alertId", alertId);
        return queries.detail(alertId).orElseThrow(() -> ProblemException.notFound("alert " + alertId));
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/{alertId}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an OPEN alert: it stops escalating; recorded with the caller and the note")
    @APIResponse(responseCode = "200", description = "Acknowledged")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "Not OPEN; nothing changed")
    public Alert acknowledge(@PathParam("alertId") String alertId, Note body) {
        Identifiers.require("alertId", alertId);
        return alerts.acknowledge(alertId, who(), note(body == null ? null : body.note()));
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/{alertId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve an alert by hand")
    @APIResponse(responseCode = "200", description = "Resolved")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "Already resolved; nothing changed")
    public Alert resolve(@PathParam("alertId") String alertId, Note body) {
        Identifiers.require("alertId", alertId);
        return alerts.resolve(alertId, who(), note(body == null ? null : body.note()));
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/{alertId}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Snooze an alert: no escalation until the snooze ends (at most 7 days)")
    @APIResponse(responseCode = "200", description = "Snoozed")
    @APIResponse(responseCode = "400", description = "until or forSeconds missing or out of bounds")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "Resolved; nothing changed")
    public Alert snooze(@PathParam("alertId") String alertId, Snooze body) {
        Identifiers.require("alertId", alertId);
        if (body == null || (body.until() == null) == (body.forSeconds() == null)) {
            throw ProblemException.badField("until", "give exactly one of until (an instant) or forSeconds");
        }
        Instant now = clock.instant();
        Instant until;
        if (body.forSeconds() != null) {
            if (body.forSeconds() < 1 || body.forSeconds() > MAX_SNOOZE_SECONDS) {
                throw ProblemException.badField("forSeconds", "must be 1 to " + MAX_SNOOZE_SECONDS);
            }
            until = now.plusSeconds(body.forSeconds());
        } else {
            if (!body.until().isAfter(now) || body.until().isAfter(now.plusSeconds(MAX_SNOOZE_SECONDS))) {
                throw ProblemException.badField("until", "must be in the next 7 days");
            }
            until = body.until();
        }
        note(body.note());
        return alerts.snooze(alertId, until.truncatedTo(java.time.temporal.ChronoUnit.MICROS), who());
    }

    private String who() {
        return CallerName.of(caller);
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw ProblemException.badField("note", "must be at most " + MAX_NOTE + " characters");
        }
        if (note.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\n')
                || Character.getType(c) == Character.FORMAT)) {
            throw ProblemException.badField("note", "must not contain control or formatting characters");
        }
        return note.strip();
    }

    private static String optionalId(String field, String value) {
        return value == null ? null : Identifiers.require(field, value);
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be an ISO-8601 instant, e.g. 2026-12-05T09:00:00Z");
        }
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return 100;
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badField("limit", "must be 1 to 1000");
        }
        return limit;
    }
}
