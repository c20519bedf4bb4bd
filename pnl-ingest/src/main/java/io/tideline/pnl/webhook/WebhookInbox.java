package io.tideline.pnl.webhook;

import io.tideline.messaging.inbox.Inbox;
import io.tideline.messaging.inbox.InboxStatus;
import io.tideline.messaging.inbox.InboxWorkers;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.activity.AlchemyPayload;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Address Activity deliveries acknowledged, webhooks' and the fallback poller's, in the shared durable inbox
 * (stream {@value #STREAM}): message id = the delivery id (so a redelivery is a duplicate), key = the webhook id,
 * body = the raw body as received (the signature covered exactly these bytes).
 */
@ApplicationScoped
public class WebhookInbox {

    public static final String STREAM = "alchemy-webhooks";

    /** The second stage's stream: the wallets' transactions each delivery touched, read into executions and P&amp;L. */
    public static final String READS_STREAM = "wallet-transactions";

    private final Inbox inbox;
    private final InboxWorkers workers;
    private final Transactions transactions;

    public WebhookInbox(Inbox inbox, InboxWorkers workers, Transactions transactions) {
        this.inbox = inbox;
        this.workers = workers;
        this.transactions = transactions;
    }

    /** Accepts a delivery in the caller's unit of work; false when its id was accepted before. */
    public boolean accept(UnitOfWork uow, String webhookId, String deliveryId, String body) {
        return inbox.accept(uow, STREAM, deliveryId, webhookId, AlchemyPayload.ADDRESS_ACTIVITY, body);
    }

    /**
     * How far processing is behind, both stages together (deliveries stored, then their wallets' transactions read).
     *
     * @param pending             work acknowledged and not done yet: deliveries not stored plus transactions not read
     * @param oldestPendingAt     when the oldest of it was received
     * @param setAside            what could not be processed, in either stage (reasons in {@code recentSetAside})
     * @param state               the deliveries' worker: RUNNING, BLOCKED (database away), ONE_AT_A_TIME, DISABLED, ...
     * @param processedSinceStart deliveries stored by this instance
     * @param readsPending        of {@code pending}, the wallets' transactions waiting to be read
     * @param readsState          the state of the workers that read them (the worst of theirs)
     */
    public record Backlog(long pending, Instant oldestPendingAt, long setAside, String state, String error,
                          long processedSinceStart, LastBatch lastBatch, List<Inbox.SetAsideMessage> recentSetAside,
                          long readsPending, String readsState) {
    }

    /** The last batch processed: deliveries in it and the milliseconds its transaction took. */
    public record LastBatch(int deliveries, double millis) {
    }

    public Backlog backlog() {
        var sql = transactions.reads();
        Inbox.InboxCounts deliveries = inbox.counts(sql, STREAM);
        Inbox.InboxCounts reads = inbox.counts(sql, READS_STREAM);
        Instant oldest = sql.first("select min(received_at) as oldest from inbox where stream = any($1)"
                + " and processed_at is null and set_aside_at is null",
                Tuple.of((Object) new String[] {STREAM, READS_STREAM}),
                r -> Sql.instant(r, "oldest")).orElse(null);
        var status = statusOf(STREAM);
        List<Inbox.SetAsideMessage> setAside = new ArrayList<>(inbox.setAside(sql, STREAM, 20));
        setAside.addAll(inbox.setAside(sql, READS_STREAM, 20));
        setAside.sort(Comparator.comparing(Inbox.SetAsideMessage::setAsideAt).reversed());
        return new Backlog(deliveries.pending() + reads.pending(), oldest, deliveries.setAside() + reads.setAside(),
                status.map(InboxStatus::state).orElse("DISABLED"), status.map(InboxStatus::error).orElse(null),
                status.map(InboxStatus::processed).orElse(0L),
                new LastBatch(status.map(InboxStatus::lastBatchSize).orElse(0),
                        status.map(InboxStatus::lastBatchMillis).orElse(0.0)),
                List.copyOf(setAside.subList(0, Math.min(20, setAside.size()))), reads.pending(),
                statusOf(READS_STREAM).map(InboxStatus::state).orElse("DISABLED"));
    }

    private Optional<InboxStatus> statusOf(String stream) {
        return workers.statuses().stream().filter(s -> s.stream().equals(stream)).findFirst();
    }
}
