package io.tideline.settlement.api;

import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import io.tideline.settlement.risk.StopLossGuard;
import io.tideline.settlement.session.Session;
import io.tideline.settlement.session.SessionQueries.SessionDetail;
import io.tideline.settlement.session.SessionQueries;
import io.tideline.settlement.session.SessionService;
import io.tideline.settlement.session.SessionSubmission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Market-making sessions: create, list with pair counts, one with its pairs' positions, stop-loss acknowledgement. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/sessions")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final SessionQueries queries;
    private final StopLossGuard stopLoss;

    public SessionResource(SessionService sessions, SessionQueries queries, StopLossGuard stopLoss) {
        this.sessions = sessions;
        this.queries = queries;
        this.stopLoss = stopLoss;
    }

    /** A session to create (or update: pairs are added, the end set). */
    public record SessionRequest(String sessionId, String venue, List<String> pairs, Instant startedAt,
                                 Instant endedAt) {
    }

    /** Who acknowledges a tripped stop-loss, and why (both optional). */
    public record Acknowledgement(String acknowledgedBy, String note) {
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a session, or update one",
            description = "201 when created, 200 when it existed (its pairs are merged, endedAt set if given). The venue"
                    + " of an existing session cannot change (409). Pairs are BASE-QUOTE, e.g. ETH-USDC.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(
            implementation = Session.class)))
    @APIResponse(responseCode = "200", description = "Existed; updated", content = @Content(schema = @Schema(
            implementation = Session.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (problem+json naming it); nothing changed")
    @APIResponse(responseCode = "409", description = "The session exists on another venue; nothing changed")
    public RestResponse<Session> upsert(SessionRequest request) {
        SessionSubmission s = validate(request);
        SessionService.Declared declared = sessions.declare(s);
        return switch (declared.outcome()) {
            case OTHER_VENUE -> throw ProblemException.conflict("session " + s.sessionId() + " is on venue "
                    + declared.session().venue() + ", not " + s.venue());
            case CREATED -> RestResponse.status(RestResponse.Status.CREATED, declared.session());
            case UPDATED -> RestResponse.ok(declared.session());
        };
    }

    @GET
    @Operation(summary = "Sessions with their pair and fill counts, latest activity first",
            description = "active=true: only those active within the settlement lookback (the ones a run settles).")
    public List<Session> list(@QueryParam("active") Boolean active, @QueryParam("limit") Integer limit) {
        return queries.list(Boolean.TRUE.equals(active), RequestFields.limit(limit, 100, 1000));
    }

    @GET
    @Path("/{sessionId}")
    @Operation(summary = "One session with, per pair, its open and uncovered positions and live take-profits, and its"
            + " unrealized P&L at the venue's best bids (what the stop-loss looks at)")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "404", description = "No such session")
    public SessionDetail one(@PathParam("sessionId") String sessionId) {
        RequestFields.id("sessionId", sessionId);
        return queries.detail(sessionId).orElseThrow(() -> ProblemException.notFound("session " + sessionId));
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/{sessionId}/stop-loss/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge a tripped stop-loss: take-profits are placed again from the next run",
            description = "The loss acknowledged becomes the new base: the stop-loss trips again only when a further"
                    + " max-loss is lost. 409 when the session's stop-loss has not tripped.")
    @APIResponse(responseCode = "200", description = "Acknowledged: the session as it is now")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "The stop-loss has not tripped; nothing changed")
    public Session acknowledge(@PathParam("sessionId") String sessionId, Acknowledgement body) {
        RequestFields.id("sessionId", sessionId);
        String by = body == null || body.acknowledgedBy() == null || body.acknowledgedBy().isBlank() ? "api"
                : body.acknowledgedBy().trim();
        if (by.length() > 200) {
            throw ProblemException.badField("acknowledgedBy", "must be at most 200 characters");
        }
        StopLossGuard.Acknowledged acknowledged = stopLoss.acknowledge(sessionId, by);
        return switch (acknowledged.outcome()) {
            case NO_SESSION -> throw ProblemException.notFound("session " + sessionId);
            case NOT_TRIPPED -> throw ProblemException.conflict("the stop-loss of session " + sessionId
                    + " has not tripped");
            case ACKNOWLEDGED -> acknowledged.session();
        };
    }

    static SessionSubmission validate(SessionRequest r) {
        RequestFields.required("body", r);
        String id = RequestFields.id("sessionId", r.sessionId());
        String venue = RequestFields.id("venue", r.venue());
        List<String> pairs = new ArrayList<>();
        if (r.pairs() != null) {
            for (int i = 0; i < r.pairs().size(); i++) {
                pairs.add(RequestFields.pair("pairs[" + i + "]", r.pairs().get(i)));
            }
        }
        Instant started = RequestFields.required("startedAt", r.startedAt());
        if (r.endedAt() != null && r.endedAt().isBefore(started)) {
            throw ProblemException.badField("endedAt", "is before startedAt");
        }
        return new SessionSubmission(id, venue, pairs, started, r.endedAt());
    }
}
