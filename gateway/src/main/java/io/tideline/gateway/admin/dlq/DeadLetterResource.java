package io.tideline.gateway.admin.dlq;

import io.quarkus.security.identity.SecurityIdentity;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Dead letters (admin): browse a dead-letter topic, replay chosen letters to their topic, see what was replayed. */
@RolesAllowed(Roles.ADMIN)
@Path("/api/v1/admin/dlq")
@Tag(name = "Admin: dead letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    static final int MAX_PAGE = 200;

    private final DeadLetterReplays replays;
    private final SecurityIdentity caller;

    public DeadLetterResource(DeadLetterReplays replays, SecurityIdentity caller) {
        this.replays = replays;
        this.caller = caller;
    }

    /** A page of a dead-letter topic: its partitions' ranges and the letters asked for. */
    public record LetterPage(String topic, List<DeadLetterReader.PartitionRange> partitions,
                             List<DeadLetter> letters) {
    }

    /** The letters to replay, by partition and offset. */
    public record ReplayRequest(List<DeadLetterReplays.LetterRef> letters) {
    }

    /** What happened to each letter asked for, in the order asked. */
    public record ReplayAnswer(String topic, List<DeadLetterReplays.LetterResult> letters) {
    }

    @GET
    @Operation(summary = "The dead-letter topics of the catalogue")
    public List<String> topics() {
        return DeadLetterReplays.deadLetterTopics().stream().map(t -> t.name()).toList();
    }

    @GET
    @Path("/replays")
    @Operation(summary = "Dead letters replayed, newest first: which, to where, by whom, when")
    public List<ReplayStore.Replay> replayed(@QueryParam("topic") String topic, @QueryParam("limit") Integer limit) {
        return replays.latest(topic, limit(limit));
    }

    @GET
    @Path("/{topic}")
    @Operation(summary = "Letters of a dead-letter topic", description = "From `from` (default: the first kept) of"
            + " `partition` (default: every partition, in order), at most `limit` (50, at most 200). Each with its"
            + " reason headers, the envelope's type and event id, a preview of at most 2,000 characters, and its"
            + " replay if it was replayed. Reading commits no offsets.")
    public LetterPage browse(@PathParam("topic") String topic, @QueryParam("partition") Integer partition,
            @QueryParam("from") Long from, @QueryParam("limit") Integer limit) {
        if (partition != null && partition < 0) {
            throw ProblemException.badField("partition", "must be 0 or more");
        }
        if (from != null && from < 0) {
            throw ProblemException.badField("from", "must be 0 or more");
        }
        int n = limit(limit);
        return new LetterPage(topic, replays.ranges(topic), replays.browse(topic, partition, from, n));
    }

    @POST
    @Path("/{topic}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay chosen letters to their topic, each at most once",
            description = "Key and value bytes exactly as dead-lettered. A letter replayed before is not published"
                    + " again (ALREADY_REPLAYED, with who and when); consumers drop duplicates by event id anyway.")
    public ReplayAnswer replay(@PathParam("topic") String topic, ReplayRequest body) {
        if (body == null) {
            throw ProblemException.badField("letters", "is required");
        }
        return new ReplayAnswer(topic, replays.replay(topic, body.letters(), caller.getPrincipal().getName()));
    }

    private static int limit(Integer limit) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_PAGE) {
            throw ProblemException.badField("limit", "must be between 1 and " + MAX_PAGE);
        }
        return n;
    }
}
