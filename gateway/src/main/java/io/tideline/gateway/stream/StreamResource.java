package io.tideline.gateway.stream;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.tideline.gateway.ratelimit.RateLimitedException;
import io.tideline.gateway.ratelimit.RateLimits;
import io.tideline.gateway.ratelimit.TokenBucket;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/stream}: the platform's events, live, as server-sent events, filtered by the caller's role and
 * the query; a client that reconnects with {@code Last-Event-ID} gets what it missed from the replay buffer, or a
 * {@code missed} event when that is no longer there. Opening a stream costs a token from the caller's viewer bucket.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/stream")
@Tag(name = "Live stream")
public class StreamResource {

    private final LiveStream stream;
    private final RateLimits rateLimits;
    private final SecurityIdentity caller;

    public StreamResource(LiveStream stream, RateLimits rateLimits, SecurityIdentity caller) {
        this.stream = stream;
        this.rateLimits = rateLimits;
        this.caller = caller;
    }

    @GET
    @Blocking // opening takes the stream's lock, which a fan-out holds for a while: not on an event loop
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The platform's events, live (text/event-stream)", description = "Each event: id ="
            + " <epoch>-<sequence> of this gateway instance, event = the event's type (LpMinted, HedgeFilled, ...),"
            + " data = {topic, partition, offset, event: the envelope}. Reconnecting with Last-Event-ID replays what"
            + " was missed; when that is gone (too old, another instance, a restart) the first event is 'missed':"
            + " refetch the state, then go on. Comment lines are heartbeats.")
    public OpenStream stream(
            @Parameter(description = "Topics, repeated or comma-separated: lp.positions, perp.hedges, pnl.executions,"
                    + " mm.settlement, alerts (all five when absent), market.prices (only when named)")
            @QueryParam("topic") List<String> topics,
            @Parameter(description = "Only events about this wallet (0x and 40 hex digits)")
            @QueryParam("wallet") String wallet,
            @Parameter(description = "Only events about this LP position (chainId:positionManager:tokenId)")
            @QueryParam("position") String position,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context RoutingContext routing) {
        StreamFilter filter = StreamFilter.of(topics, wallet, position, highestRole());
        Optional<StreamId> last = lastEvent(lastEventId);
        String name = caller.getPrincipal().getName();
        TokenBucket.Decision budget = rateLimits.take(name, Roles.VIEWER);
        if (!budget.allowed()) {
            throw new RateLimitedException(budget);
        }
        StreamClient client = stream.open(name, filter, last);
        // whenever the response is over (the connection closed, or it was never a stream: HEAD), the client leaves
        routing.addEndHandler(ignored -> client.close());
        return new OpenStream(client, routing.request()); // StreamResponseWriter connects it to the response
    }

    private String highestRole() {
        for (int i = Roles.ALL.size() - 1; i > 0; i--) {
            if (caller.hasRole(Roles.ALL.get(i))) {
                return Roles.ALL.get(i);
            }
        }
        return Roles.VIEWER;
    }

    private static Optional<StreamId> lastEvent(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(StreamId.parse(header).orElseThrow(() -> ProblemException.badField("Last-Event-ID",
                "must be the id of an event of this stream (<epoch>-<sequence>)")));
    }
}
