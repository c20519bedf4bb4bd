package io.tideline.messaging.api;

import io.tideline.messaging.consumer.ConsumerStatus;
import io.tideline.messaging.consumer.EventConsumers;
import io.tideline.messaging.consumer.ParkedKeys;
import io.tideline.messaging.inbox.Inbox;
import io.tideline.messaging.inbox.InboxStatus;
import io.tideline.messaging.inbox.InboxWorkers;
import io.tideline.messaging.outbox.OutboxRelay;
import io.tideline.messaging.outbox.RelayStatus;
import io.tideline.messaging.tx.Transactions;
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
import java.util.List;

/**
 * The messaging layer's operations, the same in every service: what the relay, the consumers and the inboxes are
 * doing, which keys are parked behind a dead letter, and the re-drive of a parked key or of set-aside inbox messages.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/messaging")
@Produces(MediaType.APPLICATION_JSON)
public class MessagingResource {

    private final OutboxRelay relay;
    private final EventConsumers consumers;
    private final InboxWorkers inboxWorkers;
    private final Inbox inbox;
    private final ParkedKeys parked;
    private final Transactions transactions;

    public MessagingResource(OutboxRelay relay, EventConsumers consumers, InboxWorkers inboxWorkers, Inbox inbox,
            ParkedKeys parked, Transactions transactions) {
        this.relay = relay;
        this.consumers = consumers;
        this.inboxWorkers = inboxWorkers;
        this.inbox = inbox;
        this.parked = parked;
        this.transactions = transactions;
    }

    /** The state of the messaging layer. */
    @GET
    public MessagingState state() {
        List<InboxState> inboxes = inboxWorkers.statuses().stream()
                .map(s -> new InboxState(s, inbox.counts(transactions.reads(), s.stream())))
                .toList();
        return new MessagingState(relay.status(), relay.publishedCount(), relay.unpublishedCount(),
                consumers.statuses(), inboxes,
                parked.list(transactions.reads()));
    }

    /** Messages of an inbox stream that were set aside, newest first, with their reasons. */
    @GET
    @Path("/inbox/{stream}/set-aside")
    public List<Inbox.SetAsideMessage> setAside(@PathParam("stream") String stream,
            @QueryParam("limit") Integer limit) {
        requireStream(stream);
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 500) {
            throw ProblemException.badField("limit", "must be between 1 and 500");
        }
        return inbox.setAside(transactions.reads(), stream, n);
    }

    /** Puts set-aside messages of a stream back in line: one by {@code id}, or all. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/inbox/{stream}/redrive")
    public Redriven redriveInbox(@PathParam("stream") String stream, @QueryParam("id") Long id) {
        requireStream(stream);
        return new Redriven(transactions.run(uow -> inbox.redrive(uow, stream, id)));
    }

    /**
     * Applies the records a consumer parked behind a dead letter, in order, and releases the key (the dead-lettered
     * record first, unless {@code skipDeadLettered}); nothing changes if one still fails.
     */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/parked/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    public Redriven redriveParked(RedriveRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "is required");
        }
        if (request.consumer() == null || request.consumer().isBlank()) {
            throw ProblemException.badField("consumer", "is required");
        }
        if (request.key() == null || request.key().isBlank() || request.key().length() > 300) {
            throw ProblemException.badField("key", "is required, at most 300 characters");
        }
        try {
            return new Redriven(consumers.redrive(request.consumer(), request.key(),
                    Boolean.TRUE.equals(request.skipDeadLettered())));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(e.getMessage());
        } catch (RuntimeException e) {
            throw ProblemException.conflict("the re-drive failed and nothing changed: " + e.getMessage());
        }
    }

    private void requireStream(String stream) {
        if (inboxWorkers.statuses().stream().noneMatch(s -> s.stream().equals(stream))) {
            throw ProblemException.notFound("no inbox stream '" + stream + "'");
        }
    }

    /**
     * The messaging layer at a glance.
     *
     * @param published     events this instance's relay published since start
     * @param outboxBacklog outbox rows committed and not yet published (by any instance)
     */
    public record MessagingState(RelayStatus relay, long published, long outboxBacklog, List<ConsumerStatus> consumers,
                                 List<InboxState> inboxes, List<ParkedKeys.ParkedKey> parkedKeys) {
    }

    /** An inbox worker's status and its stream's counts. */
    public record InboxState(InboxStatus status, Inbox.InboxCounts counts) {
    }

    /** A re-drive request for a parked key. */
    public record RedriveRequest(String consumer, String key, Boolean skipDeadLettered) {
    }

    /** How many records or messages a re-drive applied or put back in line. */
    public record Redriven(int count) {
    }
}
