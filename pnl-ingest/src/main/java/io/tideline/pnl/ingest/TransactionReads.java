package io.tideline.pnl.ingest;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.messaging.inbox.Inbox;
import io.tideline.messaging.inbox.InboxHandler;
import io.tideline.messaging.inbox.InboxMessage;
import io.tideline.messaging.inbox.InboxSettings;
import io.tideline.messaging.inbox.UnprocessableMessageException;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.pnl.execution.ExecutionStore;
import io.tideline.pnl.execution.OutcomeRegistry;
import io.tideline.pnl.execution.PolymarketTrades;
import io.tideline.pnl.execution.UserLocks;
import io.tideline.pnl.recording.ExecutionRecorder;
import io.tideline.pnl.webhook.WebhookInbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The deliveries' second stage (inbox stream {@value #STREAM}): a wallet's transaction read again from all its live
 * transfers, which records its execution (matched to an alert, applied to the lots: P&amp;L) or retracts it. The first
 * stage ({@link DeliveryHandler}) hands over each (wallet, transaction) a delivery touched as the activity event that
 * touched it: message key = the wallet, so {@link PnlConfig.Processing#workers()} workers read different wallets side
 * by side and each wallet's transactions in the order their activities came. Each read holds the user's lock
 * ({@link UserLocks#lock}) as the executions API does.
 */
@ApplicationScoped
public class TransactionReads implements InboxHandler {

    public static final String STREAM = WebhookInbox.READS_STREAM;
    private static final Logger LOG = Logger.getLogger(TransactionReads.class);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    private final PnlConfig.Processing processing;
    private final Inbox inbox;
    private final ActivityStore activities;
    private final ExecutionStore executions;
    private final ExecutionRecorder recorder;
    private final OutcomeRegistry outcomes;
    private final UserLocks locks;
    private final PolymarketTrades trades;

    public TransactionReads(PnlConfig config, Inbox inbox, ActivityStore activities, ExecutionStore executions,
            ExecutionRecorder recorder, OutcomeRegistry outcomes, UserLocks locks) {
        this.processing = config.processing();
        this.inbox = inbox;
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
        return STREAM;
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

    /** Hands a (wallet, transaction) over to be read, in the first stage's unit of work, as the event touching it. */
    void handOver(UnitOfWork uow, EventEnvelope<?> touchedBy) {
        inbox.accept(uow, STREAM, touchedBy);
    }

    @Override
    public void handle(InboxMessage message, UnitOfWork uow) {
        EventEnvelope<?> cause;
        try {
            cause = CODEC.decode(message.body().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new UnprocessableMessageException("not an event envelope: " + e.getMessage(), e);
        }
        if (!(cause.payload() instanceof WalletActivityReceived activity)) {
            throw new UnprocessableMessageException("not a WalletActivityReceived: " + cause.type());
        }
        locks.lock(uow, activity.wallet());
        read(uow, activity.network(), activity.wallet(), activity.txHash(), cause);
    }

    /** Reads a wallet's transaction again from all its live transfers; records or retracts its execution. */
    private void read(UnitOfWork uow, String network, String wallet, String txHash, EventEnvelope<?> cause) {
        ActivityStore.TransactionTransfers known = activities.liveTransfers(uow, wallet, txHash);
        List<String> live = executions.liveIdsOfTransaction(uow, wallet, txHash);
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
