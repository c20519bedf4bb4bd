package io.tideline.settlement.api;

import io.tideline.service.problem.ProblemException;
import io.tideline.settlement.risk.SessionExposure;
import io.tideline.settlement.run.Settlement;
import io.tideline.settlement.session.Session;
import io.tideline.settlement.session.SessionSubmission;
import io.tideline.settlement.takeprofit.BuyPosition;
import io.tideline.settlement.venue.BestBidAsk;
import io.tideline.settlement.venue.VenueUnavailableException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Market-making sessions: create, list with pair counts, one with its pairs' positions, stop-loss acknowledgement. */
@Path("/api/v1/sessions")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final Settlement settlement;

    public SessionResource(Settlement settlement) {
        this.settlement = settlement;
    }

    /** A session to create (or update: pairs are added, the end set). */
    public record SessionRequest(String sessionId, String venue, List<String> pairs, Instant startedAt,
                                 Instant endedAt) {
    }

    /** One pair of a session: its buy fills not yet sold, how much of them is uncovered, its resting take-profits. */
    public record PairSummary(String pair, int openPositions, BigDecimal openQuantity, int uncoveredPositions,
                              BigDecimal uncoveredQuantity, int liveTakeProfits) {
    }

    public record SessionDetail(Session session, List<PairSummary> pairs, SessionExposure exposure) {
    }

    /** Who acknowledges a tripped stop-loss, and why (both optional). */
    public record Acknowledgement(String acknowledgedBy, String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a session, or update one",
            description = "201 when created, 200 when it existed (its pairs are merged, endedAt set if given). The venue"
                    + " of an existing session cannot change (409). Pairs are BASE-QUOTE, e.g. ETH-USDC.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Existed; updated")
    @APIResponse(responseCode = "400", description = "A field is invalid (problem+json naming it); nothing changed")
    @APIResponse(responseCode = "409", description = "The session exists on another venue; nothing changed")
    public Response upsert(SessionRequest request) {
        SessionSubmission s = validate(request);
        return settlement.tx().run(c -> {
            settlement.sessions().sessionForUpdate(c, s.sessionId()).ifPresent(existing -> {
                if (!existing.venue().equals(s.venue())) {
                    throw ProblemException.conflict("session " + s.sessionId() + " is on venue " + existing.venue()
                            + ", not " + s.venue());
                }
            });
            boolean created = settlement.sessions().upsert(c, s, "api");
            Session session = settlement.sessions().session(c, s.sessionId()).orElseThrow();
            return Response.status(created ? 201 : 200).entity(session).build();
        });
    }

    @GET
    @Operation(summary = "Sessions with their pair and fill counts, latest activity first",
            description = "active=true: only those active within the settlement lookback (the ones a run settles).")
    public List<Session> list(@QueryParam("active") Boolean active, @QueryParam("limit") Integer limit) {
        int max = RequestFields.limit(limit, 100, 1000);
        return settlement.tx().run(c -> settlement.sessions().sessions(c,
                Boolean.TRUE.equals(active) ? settlement.config().run().lookback() : null, max));
    }

    @GET
    @Path("/{sessionId}")
    @Operation(summary = "One session with, per pair, its open and uncovered positions and live take-profits, and its"
            + " unrealized P&L at the venue's best bids (what the stop-loss looks at)")
    @APIResponse(responseCode = "404", description = "No such session")
    public SessionDetail one(@PathParam("sessionId") String sessionId) {
        RequestFields.id("sessionId", sessionId);
        var found = settlement.tx().run(c -> {
            Session session = settlement.sessions().session(c, sessionId)
                    .orElseThrow(() -> ProblemException.notFound("session " + sessionId));
            return Map.entry(session, settlement.takeProfits().openPositions(c, List.of(sessionId), null));
        });
        Session session = found.getKey();
        List<BuyPosition> positions = found.getValue();
        Map<String, List<BuyPosition>> byPair = new TreeMap<>();
        session.pairs().forEach(p -> byPair.put(p, new ArrayList<>()));
        positions.forEach(p -> byPair.computeIfAbsent(p.pair(), k -> new ArrayList<>()).add(p));
        List<PairSummary> pairs = new ArrayList<>();
        Map<String, BigDecimal> prices = new HashMap<>();
        byPair.forEach((pair, list) -> {
            BigDecimal open = list.stream().map(BuyPosition::openQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<BuyPosition> uncovered = list.stream().filter(p -> p.uncoveredQuantity().signum() > 0).toList();
            BigDecimal uncoveredQty = uncovered.stream().map(BuyPosition::uncoveredQuantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            int live = (int) list.stream().filter(p -> p.live().isPresent()).count();
            pairs.add(new PairSummary(pair, list.size(), open, uncovered.size(), uncoveredQty, live));
            try {
                settlement.venue().bestBidAsk(pair).map(BestBidAsk::bid).ifPresent(b -> prices.put(pair, b));
            } catch (VenueUnavailableException e) {
                // left out of the exposure, which lists it
            }
        });
        return new SessionDetail(session, pairs, SessionExposure.of(sessionId, positions, prices));
    }

    @POST
    @Path("/{sessionId}/stop-loss/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge a tripped stop-loss: take-profits are placed again from the next run",
            description = "The loss acknowledged becomes the new base: the stop-loss trips again only when a further"
                    + " max-loss is lost. 409 when the session's stop-loss has not tripped.")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "The stop-loss has not tripped; nothing changed")
    public Session acknowledge(@PathParam("sessionId") String sessionId, Acknowledgement body) {
        RequestFields.id("sessionId", sessionId);
        String by = body == null || body.acknowledgedBy() == null || body.acknowledgedBy().isBlank() ? "api"
                : body.acknowledgedBy().trim();
        if (by.length() > 200) {
            throw ProblemException.badField("acknowledgedBy", "must be at most 200 characters");
        }
        return settlement.tx().run(c -> {
            Session session = settlement.sessions().sessionForUpdate(c, sessionId)
                    .orElseThrow(() -> ProblemException.notFound("session " + sessionId));
            if (!session.stopped()) {
                throw ProblemException.conflict("the stop-loss of session " + sessionId + " has not tripped");
            }
            settlement.sessions().acknowledge(c, sessionId, session.stopLossLoss(), by);
            return settlement.sessions().session(c, sessionId).orElseThrow();
        });
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
