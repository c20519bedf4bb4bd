package io.tideline.pnl.recording;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventPayload;
import io.tideline.events.pnl.ExecutionMatched;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.messaging.tx.SentRead;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.alert.AlertMatcher;
import io.tideline.pnl.execution.Execution;
import io.tideline.pnl.execution.ExecutionStore;
import io.tideline.pnl.execution.PnlEvents;
import io.tideline.pnl.lots.PnlLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Records an execution in the caller's unit of work, whatever brought it (a webhook, the poller, a venue's post):
 * stored once by its id (or recorded again when a reorg had retracted it and its transaction was mined again), matched
 * to the alert it followed (ExecutionMatched / ExecutionUnmatched), applied to the user's lots (PnlRealized for what a
 * sale closes). The events are published in the same unit of work.
 */
@ApplicationScoped
public class ExecutionRecorder {

    private final AlertMatcher matcher;
    private final ExecutionStore store;
    private final PnlLedger ledger;

    public ExecutionRecorder(AlertMatcher matcher, ExecutionStore store, PnlLedger ledger) {
        this.matcher = matcher;
        this.store = store;
        this.ledger = ledger;
    }

    /** What recording found: the execution as stored, and whether it had been recorded before. */
    public record Recorded(boolean duplicate, ExecutionStore.Stored stored) {
    }

    /**
     * @param cause the event the execution was read from (a wallet activity), or null for a venue's posted fill,
     *              which starts a chain of its own
     */
    public Recorded record(UnitOfWork uow, Execution e, EventEnvelope<?> cause) {
        // one round trip: the alert found and the execution stored by one statement, a sale's book read behind it
        SentRead<ExecutionStore.Recording> stored = store.sendRecord(uow, e,
                matcher.subquery(ExecutionStore.ALERT_PARAMETERS_FROM),
                matcher.args(e.venue(), e.market(), e.outcome(), e.executedAt()));
        PnlLedger.SentBook book = ledger.sendBook(uow, e);
        List<ExecutionStore.Recording> recording = stored.rows();
        if (recording.isEmpty()) {
            return new Recorded(true, store.find(uow, e.executionId()).orElseThrow());
        }
        String alertId = recording.get(0).alertId();
        int n = recording.get(0).recording();
        EventPayload payload = alertId != null
                ? new ExecutionMatched(e.executionId(), e.user(), e.venue(), e.market(), e.outcome(), e.side(),
                        e.shares(), e.price(), e.fee(), e.executedAt(), alertId)
                : new ExecutionUnmatched(e.executionId(), e.user(), e.venue(), e.market(), e.outcome(), e.side(),
                        e.shares(), e.price(), e.fee(), e.executedAt());
        EventEnvelope<?> recorded = PnlEvents.causedBy(cause, PnlEvents.executionId(e.executionId(), n), e.user(),
                payload);
        uow.publish(recorded);
        ledger.apply(uow, e, alertId, n, recorded, book);
        return new Recorded(false, new ExecutionStore.Stored(e, alertId, false));
    }

    /**
     * Undoes an execution whose transfers a reorg removed; nothing if it is unknown or already retracted.
     *
     * @param cause the event that removed it (the wallet activity marked removed)
     */
    public void retract(UnitOfWork uow, String executionId, EventEnvelope<?> cause) {
        if (store.retract(uow, executionId)) {
            ledger.retract(uow, store.find(uow, executionId).orElseThrow().execution(), cause);
        }
    }
}
