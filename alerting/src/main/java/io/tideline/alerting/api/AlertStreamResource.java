package io.tideline.alerting.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tideline.alerting.alert.AlertQueries;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The live push channel: every change of every alert as server-sent events, in order, each with the id of its
 * timeline entry; a client that reconnects with {@code Last-Event-ID} (or {@code ?after=}) gets what it missed, so
 * nothing is lost across a reconnect. The gateway re-serves this stream.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/alerts/stream")
@Tag(name = "Alerts")
public class AlertStreamResource {

    static final Duration POLL = Duration.ofMillis(250);
    static final int BATCH = 500;

    private final AlertQueries queries;

    public AlertStreamResource(AlertQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Alert changes, live (text/event-stream)", description = "Each event: id = the timeline"
            + " entry's id, event = RAISED, REPEATED, ESCALATED, ACKNOWLEDGED, SNOOZED or RESOLVED, data = the entry"
            + " as JSON (push=true when its rule has the push channel: pop it up). Without Last-Event-ID or after,"
            + " the stream starts with the next change; after=0 replays the whole history.")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("after") Long after, @Context Sse sse) {
        long start = start(lastEventId, after);
        AtomicLong last = new AtomicLong(start);
        return Multi.createFrom().ticks().every(POLL)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    List<AlertQueries.TimelineEntry> entries = queries.after(last.get(), BATCH);
                    if (!entries.isEmpty()) {
                        last.set(entries.get(entries.size() - 1).id());
                    }
                    return entries;
                })
                .map(e -> sse.newEventBuilder().id(Long.toString(e.id())).name(e.change().name())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(AlertQueries.TimelineEntry.class, e)
                        .build());
    }

    private long start(String lastEventId, Long after) {
        if (after != null) {
            if (after < 0) {
                throw ProblemException.badField("after", "must be 0 or more");
            }
            return after;
        }
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                return Math.max(0, Long.parseLong(lastEventId.strip()));
            } catch (NumberFormatException e) {
                throw ProblemException.badField("Last-Event-ID", "must be the id of an event of this stream");
            }
        }
        return queries.latestEntry();
    }
}
