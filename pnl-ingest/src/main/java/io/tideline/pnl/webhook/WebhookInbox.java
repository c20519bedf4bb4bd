package io.tideline.pnl.webhook;

import io.smallrye.mutiny.Uni;
import io.tideline.messaging.inbox.Inbox;
import io.tideline.messaging.inbox.InboxWorkers;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.activity.AlchemyPayload;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The Address Activity deliveries acknowledged, webhooks' and the fallback poller's, in the shared durable inbox
 * (stream {@value #STREAM}): message id = the delivery id (so a redelivery is a duplicate), key = the webhook id,
 * body = the raw body as received (the signature covered exactly these bytes).
 */
@ApplicationScoped
public class WebhookInbox {

    public static final String STREAM = "alchemy-webhooks";

    private final Inbox inbox;
    private final InboxWorkers workers;
    private final Transactions transactions;
    private final Pool pool;
    private final IngressLimit limit;

    public WebhookInbox(Inbox inbox, InboxWorkers workers, Transactions transactions, Pool pool, IngressLimit limit) {
        this.limit = limit;
        this.inbox = inbox;
        this.workers = workers;
        this.transactions = transactions;
        this.pool = pool;
    }

    /** Accepts a delivery in the caller's unit of work; false when its id was accepted before. */
    public boolean accept(UnitOfWork uow, String webhookId, String deliveryId, String body) {
        return inbox.accept(uow, STREAM, deliveryId, webhookId, AlchemyPayload.ADDRESS_ACTIVITY, body);
    }

    /**
     * Accepts a delivery as one statement, without blocking (the webhook endpoint answers from the event loop);
     * false when its id was accepted before. See ADR 0027. The webhook door runs it inside its
     * {@link IngressLimit}.
     */
    public Uni<Boolean> acceptAlone(String webhookId, String deliveryId, String body) {
        return inbox.acceptAlone(pool, transactions.timeout(), STREAM, deliveryId, webhookId,
                AlchemyPayload.ADDRESS_ACTIVITY, body);
    }

    /**
     * How far processing is behind.
     *
     * @param pending             acknowledged deliveries not processed yet
     * @param oldestPendingAt     when the oldest of them was received
     * @param setAside            deliveries that could not be processed (their reasons in {@code recentSetAside})
     * @param state               the worker's state: RUNNING, BLOCKED (database away), ONE_AT_A_TIME, DISABLED, ...
     * @param processedSinceStart by this instance
     * @param shedSinceStart      deliveries this instance refused with 503 to try later ({@link IngressLimit})
     */
    public record Backlog(long pending, Instant oldestPendingAt, long setAside, String state, String error,
                          long processedSinceStart, long shedSinceStart, LastBatch lastBatch,
                          List<Inbox.SetAsideMessage> recentSetAside) {
    }

    /** The last batch processed: deliveries in it and the milliseconds its transaction took. */
    public record LastBatch(int deliveries, double millis) {
    }

    public Backlog backlog() {
        var sql = transactions.reads();
        Inbox.InboxCounts counts = inbox.counts(sql, STREAM);
        Instant oldest = sql.first("select min(received_at) as oldest from inbox where stream = $1"
                + " and processed_at is null and set_aside_at is null", Tuple.of(STREAM),
                r -> Sql.instant(r, "oldest")).orElse(null);
        var status = workers.statuses().stream().filter(s -> s.stream().equals(STREAM)).findFirst();
        return new Backlog(counts.pending(), oldest, counts.setAside(),
                status.map(s -> s.state()).orElse("DISABLED"), status.map(s -> s.error()).orElse(null),
                status.map(s -> s.processed()).orElse(0L), limit.shedSinceStart(),
                new LastBatch(status.map(s -> s.lastBatchSize()).orElse(0),
                        status.map(s -> s.lastBatchMillis()).orElse(0.0)),
                inbox.setAside(sql, STREAM, 20));
    }
}
