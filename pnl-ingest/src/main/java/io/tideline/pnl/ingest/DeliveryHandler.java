package io.tideline.pnl.ingest;

import io.tideline.events.EventEnvelope;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.messaging.inbox.InboxHandler;
import io.tideline.messaging.inbox.InboxMessage;
import io.tideline.messaging.inbox.InboxSettings;
import io.tideline.messaging.inbox.UnprocessableMessageException;
import io.tideline.messaging.tx.SentRead;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.activity.Activity;
import io.tideline.pnl.activity.AlchemyPayload;
import io.tideline.pnl.activity.Delivery;
import io.tideline.pnl.activity.InvalidPayloadException;
import io.tideline.pnl.config.DeskWallets;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.pnl.recording.ExecutionRecorder;
import io.tideline.pnl.execution.ExecutionStore;
import io.tideline.pnl.execution.OutcomeRegistry;
import io.tideline.pnl.execution.PnlEvents;
import io.tideline.pnl.execution.PolymarketTrades;
import io.tideline.pnl.execution.UserLocks;
import io.tideline.pnl.webhook.WebhookInbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Processes one acknowledged Address Activity delivery (a webhook's or the poller's) from the inbox, in the inbox
 * worker's unit of work, or the part of it of the one desk wallet its message stands for
 * ({@link WebhookInbox#walletOf}; {@code tideline.pnl.processing.workers} run different wallets side by side): each
 * transfer is stored once per desk wallet on it (WalletActivityReceived), a removed log
 * marks its transfer removed, and every (wallet, transaction) touched is read again for a Polymarket trade, so an
 * execution appears once both of its legs are known and is retracted when a leg is removed.
 *
 * <p>The delivery starts a correlation ({@link PnlEvents#deliveryCorrelation}): its activities carry it, and the
 * executions and P&amp;L they lead to are built from them. A body that cannot be read is unprocessable (set aside at
 * once, with the reason); any other failure is retried by the inbox, and an outage waits without counting.
 */
@ApplicationScoped
public class DeliveryHandler implements InboxHandler {

    private static final Logger LOG = Logger.getLogger(DeliveryHandler.class);

    private final PnlConfig.Processing processing;
    private final DeskWallets wallets;
    private final ActivityStore activities;
    private final ExecutionStore executions;
    private final ExecutionRecorder recorder;
    private final OutcomeRegistry outcomes;
    private final UserLocks locks;
    private final PolymarketTrades trades;
    private final WebhookInbox inbox;

    public DeliveryHandler(PnlConfig config, DeskWallets wallets, ActivityStore activities, ExecutionStore executions,
            ExecutionRecorder recorder, OutcomeRegistry outcomes, UserLocks locks, WebhookInbox inbox) {
        this.inbox = inbox;
        this.processing = config.processing();
        this.wallets = wallets;
        this.activities = activities;
        this.executions = executions;
        this.recorder = recorder;
        this.outcomes = outcomes;
        this.locks = locks;
        PnlConfig.Polymarket pm = config.polymarket();
        this.trades = new PolymarketTrades(pm.venue(), pm.conditionalTokens(), pm.collateralTokens(),
                pm.feeRecipients().orElse(List.of()), pm.decimals());
    }

    @Override
    public String stream() {
        return WebhookInbox.STREAM;
    }

    @Override
    public boolean enabled() {
        return processing.enabled();
    }

    @Override
    public InboxSettings settings(InboxSettings defaults) {
        return new InboxSettings(processing.batchSize(), processing.maxBatchTime(), processing.pollInterval(),
                processing.workers());
    }

    @Override
    public void handle(InboxMessage message, UnitOfWork uow) {
        Delivery delivery;
        try {
            delivery = AlchemyPayload.parse(message.body().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidPayloadException e) {
            throw new UnprocessableMessageException(e.getMessage(), e);
        }
        process(uow, delivery, inbox.walletOf(message, delivery).orElse(null));
    }

    /** Processes the delivery's part of one wallet ({@code only}), or all of it ({@code null}). */
    private void process(UnitOfWork uow, Delivery delivery, String only) {
        String correlation = PnlEvents.deliveryCorrelation(delivery.deliveryId());
        // The events of a wallet are published under its lock, as the executions API's are (one order per key).
        Set<String> desk = only == null ? wallets.touchedBy(delivery) : Set.of(only);
        desk.forEach(wallet -> locks.lock(uow, wallet));
        // wallet|txHash touched -> the first activity event that touched it: the cause of what reading it leads to
        Map<String, EventEnvelope<?>> touched = new LinkedHashMap<>();
        List<Activity> added = new ArrayList<>();
        List<String> addedWallets = new ArrayList<>();
        for (Activity a : delivery.activities()) {
            for (String wallet : walletsOf(a, only)) {
                if (!a.removed()) {
                    added.add(a);
                    addedWallets.add(wallet);
                } else if (activities.markRemoved(uow, a.key(wallet), a.blockHash())) {
                    EventEnvelope<?> event = received(delivery, a, wallet, correlation);
                    uow.publish(event);
                    touched.putIfAbsent(wallet + "|" + a.txHash(), event);
                } else {
                    // Removed before we saw it added: remember the removal, so a late copy of the add is ignored.
                    activities.insertAll(uow, delivery, List.of(a), List.of(wallet));
                }
            }
        }
        ActivityStore.SentInsert insert = activities.sendInsertAll(uow, delivery, added, addedWallets);
        // Every (wallet, transaction) the delivery may touch is read in the insert's round trip (the reads run after
        // it and see what it stored), with the outcome tokens it names. A pair the insert turns out not to touch (a
        // redelivered transfer) was read for nothing.
        Set<BigInteger> tokens = new HashSet<>();
        added.forEach(a -> {
            if (a.tokenId() != null) {
                tokens.add(a.tokenId());
            }
        });
        OutcomeRegistry.Lookup outcomeOf = outcomes.sendFind(uow, tokens);
        Map<String, TransactionRead> reads = new HashMap<>();
        touched.keySet().forEach(pair -> reads.put(pair, sendRead(uow, pair)));
        for (int i = 0; i < added.size(); i++) {
            reads.computeIfAbsent(addedWallets.get(i) + "|" + added.get(i).txHash(), pair -> sendRead(uow, pair));
        }
        Set<String> inserted = insert.counted();
        if (insert.moved()) {
            reads.clear(); // read again: transfers moved to another block after the reads were sent
        }
        for (int i = 0; i < added.size(); i++) {
            Activity a = added.get(i);
            String wallet = addedWallets.get(i);
            if (inserted.contains(a.key(wallet))) {
                EventEnvelope<?> event = received(delivery, a, wallet, correlation);
                uow.publish(event);
                touched.putIfAbsent(wallet + "|" + a.txHash(), event);
            }
        }
        touched.forEach((pair, cause) -> readTransaction(uow, delivery.network(),
                reads.computeIfAbsent(pair, p -> sendRead(uow, p)), outcomeOf, cause));
    }

    /** A wallet's transaction's live transfers and live executions, both read in one round trip. */
    private record TransactionRead(String wallet, String txHash, SentRead<ActivityStore.SeenTransfer> transfers,
                                   SentRead<String> executionIds) {
    }

    /** Sends the reads of a {@code wallet|txHash} pair without waiting. */
    private TransactionRead sendRead(UnitOfWork uow, String walletAndTx) {
        int bar = walletAndTx.indexOf('|');
        String wallet = walletAndTx.substring(0, bar);
        String txHash = walletAndTx.substring(bar + 1);
        return new TransactionRead(wallet, txHash, activities.sendLiveTransfers(uow, wallet, txHash),
                executions.sendLiveIdsOfTransaction(uow, wallet, txHash));
    }

    private List<String> walletsOf(Activity a, String only) {
        List<String> all = wallets.of(a);
        return only == null ? all : all.contains(only) ? List.of(only) : List.of();
    }

    private static EventEnvelope<?> received(Delivery delivery, Activity a, String wallet, String correlation) {
        return PnlEvents.root(PnlEvents.activityId(a.key(wallet), a.blockHash(), a.removed()), wallet,
                new WalletActivityReceived(delivery.webhookId(), delivery.deliveryId(), delivery.network(), wallet,
                        a.txHash(), a.logIndex(), a.category(), a.from(), a.to(), a.contract(), a.asset(),
                        a.rawValue(), a.decimals(), a.tokenId() == null ? null : a.tokenId().toString(),
                        a.blockNumber(), a.removed())).withCorrelationId(correlation);
    }

    /** Reads a wallet's transaction again from all its live transfers; records or retracts its execution. */
    private void readTransaction(UnitOfWork uow, String network, TransactionRead read,
            OutcomeRegistry.Lookup outcomeOf, EventEnvelope<?> cause) {
        String wallet = read.wallet();
        String txHash = read.txHash();
        ActivityStore.TransactionTransfers known = ActivityStore.TransactionTransfers.of(read.transfers().rows());
        List<String> live = read.executionIds().rows();
        PolymarketTrades.Reading reading = known.transfers().isEmpty() ? null
                : trades.read(network, wallet, known.transfers(), outcomeOf::find, known.firstSeenAt());
        String keep = reading == null || reading.execution() == null ? null : reading.execution().executionId();
        for (String id : live) {
            if (!id.equals(keep)) {
                recorder.retract(uow, id, cause);
            }
        }
        if (keep != null && !live.contains(keep)) {
            recorder.record(uow, reading.execution(), cause);
        } else if (reading != null && keep == null) {
            LOG.debugf("tx %s of %s: no trade (%s)", txHash, wallet, reading.noTradeReason());
        }
    }
}
