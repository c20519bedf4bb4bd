package io.tideline.pnl.ingest;

import io.tideline.events.EventEnvelope;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.messaging.inbox.InboxHandler;
import io.tideline.messaging.inbox.InboxMessage;
import io.tideline.messaging.inbox.InboxSettings;
import io.tideline.messaging.inbox.UnprocessableMessageException;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.activity.Activity;
import io.tideline.pnl.activity.AlchemyPayload;
import io.tideline.pnl.activity.Delivery;
import io.tideline.pnl.activity.InvalidPayloadException;
import io.tideline.pnl.config.DeskWallets;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.pnl.execution.PnlEvents;
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

/**
 * The deliveries' first stage: processes one acknowledged Address Activity delivery (a webhook's or the poller's)
 * from the inbox, in the inbox worker's unit of work. Each transfer is stored once per desk wallet on it
 * (WalletActivityReceived) and a removed log marks its transfer removed; every (wallet, transaction) touched is handed
 * to the second stage ({@link TransactionReads}), which reads it again for a Polymarket trade, so an execution appears
 * once both of its legs are known and is retracted when a leg is removed. One webhook's deliveries are stored one after
 * another (its inbox key); reading them into executions and P&amp;L, the heavier part, runs for different wallets side
 * by side.
 *
 * <p>The delivery starts a correlation ({@link PnlEvents#deliveryCorrelation}): its activities carry it, and the
 * executions and P&amp;L they lead to are built from them. A body that cannot be read is unprocessable (set aside at
 * once, with the reason); any other failure is retried by the inbox, and an outage waits without counting.
 */
@ApplicationScoped
public class DeliveryHandler implements InboxHandler {

    private final PnlConfig.Processing processing;
    private final DeskWallets wallets;
    private final ActivityStore activities;
    private final UserLocks locks;
    private final TransactionReads reads;

    public DeliveryHandler(PnlConfig config, DeskWallets wallets, ActivityStore activities, UserLocks locks,
            TransactionReads reads) {
        this.processing = config.processing();
        this.wallets = wallets;
        this.activities = activities;
        this.locks = locks;
        this.reads = reads;
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
        // A wallet's transfers are stored and marked, and their events published, under its activity lock.
        Set<String> desk = new TreeSet<>();
        delivery.activities().forEach(a -> desk.addAll(wallets.of(a)));
        desk.forEach(wallet -> locks.lockActivities(uow, wallet));
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
        touched.values().forEach(cause -> reads.handOver(uow, cause));
    }

    private static EventEnvelope<?> received(Delivery delivery, Activity a, String wallet, String correlation) {
        return PnlEvents.root(PnlEvents.activityId(a.key(wallet), a.blockHash(), a.removed()), wallet,
                new WalletActivityReceived(delivery.webhookId(), delivery.deliveryId(), delivery.network(), wallet,
                        a.txHash(), a.logIndex(), a.category(), a.from(), a.to(), a.contract(), a.asset(),
                        a.rawValue(), a.decimals(), a.tokenId() == null ? null : a.tokenId().toString(),
                        a.blockNumber(), a.removed())).withCorrelationId(correlation);
    }
}
