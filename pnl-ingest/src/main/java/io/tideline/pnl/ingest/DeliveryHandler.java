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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Processes one acknowledged Address Activity delivery (a webhook's or the poller's) from the inbox, in the inbox
 * worker's unit of work: each transfer is stored once per desk wallet on it (WalletActivityReceived), a removed log
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

    public DeliveryHandler(PnlConfig config, DeskWallets wallets, ActivityStore activities, ExecutionStore executions,
            ExecutionRecorder recorder, OutcomeRegistry outcomes, UserLocks locks) {
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
        return new InboxSettings(processing.batchSize(), processing.maxBatchTime(), processing.pollInterval());
    }

    @Override
    public void handle(InboxMessage message, UnitOfWork uow) {
        Delivery delivery;
        try {
            delivery = AlchemyPayload.parse(message.body().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidPayloadException e) {
            throw new UnprocessableMessageException(e.getMessage(), e);
        }
        process(uow, delivery);
    }

    private void process(UnitOfWork uow, Delivery delivery) {
        String correlation = PnlEvents.deliveryCorrelation(delivery.deliveryId());
        // The events of a wallet are published under its lock, as the executions API's are (one order per key).
        Set<String> desk = new TreeSet<>();
        delivery.activities().forEach(a -> desk.addAll(wallets.of(a)));
        desk.forEach(wallet -> locks.lock(uow, wallet));
        // wallet|txHash touched -> the first activity event that touched it: the cause of what reading it leads to
        Map<String, EventEnvelope<?>> touched = new LinkedHashMap<>();
        List<Activity> added = new ArrayList<>();
        List<String> addedWallets = new ArrayList<>();
        for (Activity a : delivery.activities()) {
            for (String wallet : wallets.of(a)) {
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
        Set<String> inserted = activities.insertAll(uow, delivery, added, addedWallets);
        for (int i = 0; i < added.size(); i++) {
            Activity a = added.get(i);
            String wallet = addedWallets.get(i);
            if (inserted.contains(a.key(wallet))) {
                EventEnvelope<?> event = received(delivery, a, wallet, correlation);
                uow.publish(event);
                touched.putIfAbsent(wallet + "|" + a.txHash(), event);
            }
        }
        touched.forEach((walletAndTx, cause) -> {
            int bar = walletAndTx.indexOf('|');
            readTransaction(uow, delivery.network(), walletAndTx.substring(0, bar), walletAndTx.substring(bar + 1),
                    cause);
        });
    }

    private static EventEnvelope<?> received(Delivery delivery, Activity a, String wallet, String correlation) {
        return PnlEvents.root(PnlEvents.activityId(a.key(wallet), a.blockHash(), a.removed()), wallet,
                new WalletActivityReceived(delivery.webhookId(), delivery.deliveryId(), delivery.network(), wallet,
                        a.txHash(), a.logIndex(), a.category(), a.from(), a.to(), a.contract(), a.asset(),
                        a.rawValue(), a.decimals(), a.tokenId() == null ? null : a.tokenId().toString(),
                        a.blockNumber(), a.removed())).withCorrelationId(correlation);
    }

    /** Reads a wallet's transaction again from all its live transfers; records or retracts its execution. */
    private void readTransaction(UnitOfWork uow, String network, String wallet, String txHash,
            EventEnvelope<?> cause) {
        // both reads in one round trip
        SentRead<ActivityStore.SeenTransfer> transfers = activities.sendLiveTransfers(uow, wallet, txHash);
        SentRead<String> executionIds = executions.sendLiveIdsOfTransaction(uow, wallet, txHash);
        ActivityStore.TransactionTransfers known = ActivityStore.TransactionTransfers.of(transfers.rows());
        List<String> live = executionIds.rows();
        PolymarketTrades.Reading reading = known.transfers().isEmpty() ? null
                : trades.read(network, wallet, known.transfers(), token -> outcomes.find(uow, token),
                        known.firstSeenAt());
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
