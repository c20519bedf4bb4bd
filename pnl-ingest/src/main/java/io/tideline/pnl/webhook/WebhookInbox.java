package io.tideline.pnl.webhook;

import io.smallrye.mutiny.Uni;
import io.tideline.messaging.inbox.Inbox;
import io.tideline.messaging.inbox.InboxMessage;
import io.tideline.messaging.inbox.InboxWorkers;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.activity.AlchemyPayload;
import io.tideline.pnl.activity.Delivery;
import io.tideline.pnl.config.DeskWallets;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Address Activity deliveries acknowledged, webhooks' and the fallback poller's, in the shared durable inbox
 * (stream {@value #STREAM}), one message per desk wallet the delivery touches, keyed by the wallet: the inbox hands
 * different wallets' messages to its workers side by side and each wallet's in the order received (a wallet is a
 * user: its lots and P&amp;L depend on nothing else). The message id is the delivery id, or
 * {@code <delivery id>|<wallet>} when the delivery touches several desk wallets, so a redelivery is a duplicate. A
 * delivery that touches no desk wallet is one message keyed by the webhook id. The body is the raw body as received
 * (the signature covered exactly these bytes), so a delivery of several wallets is stored once per wallet.
 */
@ApplicationScoped
public class WebhookInbox {

    public static final String STREAM = "alchemy-webhooks";

    private final Inbox inbox;
    private final InboxWorkers workers;
    private final Transactions transactions;
    private final Pool pool;
    private final IngressLimit limit;
    private final DeskWallets wallets;

    public WebhookInbox(Inbox inbox, InboxWorkers workers, Transactions transactions, Pool pool, IngressLimit limit,
            DeskWallets wallets) {
        this.limit = limit;
        this.wallets = wallets;
        this.inbox = inbox;
        this.workers = workers;
        this.transactions = transactions;
        this.pool = pool;
    }

    /** Accepts a delivery in the caller's unit of work; false when it was accepted before. */
    public boolean accept(UnitOfWork uow, Delivery delivery, String body) {
        boolean added = false;
        for (Inbox.Addressed m : messagesOf(delivery)) {
            added |= inbox.accept(uow, STREAM, m.messageId(), m.key(), AlchemyPayload.ADDRESS_ACTIVITY, body);
        }
        return added;
    }

    /** The inbox messages a delivery is stored as (see the class comment), in the order of its wallets' addresses. */
    List<Inbox.Addressed> messagesOf(Delivery delivery) {
        Set<String> touched = wallets.touchedBy(delivery);
        if (touched.size() <= 1) {
            String key = touched.isEmpty() ? delivery.webhookId() : touched.iterator().next();
            return List.of(new Inbox.Addressed(delivery.deliveryId(), key));
        }
        return touched.stream().map(w -> new Inbox.Addressed(delivery.deliveryId() + "|" + w, w)).toList();
    }

    /**
     * The one desk wallet whose part of the delivery a message stands for: its key, when that is a wallet the
     * delivery touches; empty for the whole delivery (one keyed by the webhook id, as every message was before
     * deliveries were split by wallet).
     */
    public Optional<String> walletOf(InboxMessage message, Delivery delivery) {
        String key = message.key();
        return key != null && wallets.touchedBy(delivery).contains(key) ? Optional.of(key) : Optional.empty();
    }

    /**
     * Accepts a delivery (all its messages) as one statement, without blocking (the webhook endpoint answers from the
     * event loop); false when it was accepted before. See ADR 0027. The webhook door runs it inside its
     * {@link IngressLimit}.
     */
    public Uni<Boolean> acceptAlone(Delivery delivery, String body) {
        return inbox.acceptAlone(pool, transactions.timeout(), STREAM, messagesOf(delivery),
                AlchemyPayload.ADDRESS_ACTIVITY, body).map(added -> added > 0);
    }

    /**
     * How far processing is behind.
     *
     * @param pending             inbox messages not processed yet (one per delivery and desk wallet)
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
