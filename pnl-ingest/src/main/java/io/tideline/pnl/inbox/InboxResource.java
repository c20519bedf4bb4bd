package io.tideline.pnl.inbox;

import io.tideline.messaging.sql.BlockingSql;
import io.tideline.pnl.config.PnlWiring;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How far processing is behind the deliveries acknowledged: the first thing to look at when P&amp;L seems late. */
@Path("/api/v1/webhooks/inbox")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final PnlWiring wiring;
    private final InboxProcessor processor;

    public InboxResource(PnlWiring wiring, InboxProcessor processor) {
        this.wiring = wiring;
        this.processor = processor;
    }

    /**
     * @param pending          acknowledged deliveries not processed yet
     * @param oldestPendingAt  when the oldest of them was received
     * @param setAside         deliveries that could not be processed (with their reason in the table)
     * @param processedSinceStart by this instance
     */
    public record InboxStatus(long pending, Instant oldestPendingAt, long setAside, long processedSinceStart,
                              InboxProcessor.BatchFigures lastBatch) {
    }

    @GET
    @Operation(summary = "The inbox's backlog: pending deliveries, the oldest one's age, set-aside deliveries")
    public InboxStatus status() {
        return wiring.tx().run(c -> wiring.sql().first(c, "select"
                + " (select count(*) from webhook_inbox where processed_at is null) as pending,"
                + " (select min(received_at) from webhook_inbox where processed_at is null) as oldest,"
                + " (select count(*) from webhook_inbox where process_error is not null) as set_aside",
                Tuple.tuple(), r -> new InboxStatus(r.getLong("pending"), BlockingSql.instant(r, "oldest"),
                        r.getLong("set_aside"), processor.processedCount(), processor.lastBatch())).orElseThrow());
    }
}
