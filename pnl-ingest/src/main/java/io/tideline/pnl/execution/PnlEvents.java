package io.tideline.pnl.execution;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventIds;
import io.tideline.events.EventPayload;
import java.time.Instant;
import java.util.UUID;

/**
 * Envelopes of pnl-ingest's events, keyed by the user (wallet) they are about as {@code pnl.executions} is
 * partitioned. Ids are derived from the fact reported ({@link EventIds}), so recording a fact twice publishes it once;
 * an event made in reaction to another is built from it, so the whole chain shares one correlation id.
 */
public final class PnlEvents {

    public static final String SOURCE = "pnl-ingest";

    private PnlEvents() {
    }

    /**
     * The correlation id a webhook delivery starts: every event it leads to (its wallet activities, the executions
     * they complete, the P&amp;L those realize) carries it, and a trace viewer shows them as one trace.
     */
    public static String deliveryCorrelation(String deliveryId) {
        return EventIds.of("pnl-delivery", deliveryId).toString();
    }

    /** The correlation id of a market's resolution: the realizations it makes share it. */
    public static String resolutionCorrelation(String venue, String market) {
        return EventIds.of("pnl-resolution", venue, market).toString();
    }

    /** The event that reports a transfer, for one wallet, in one block, as stored (removed or not). */
    public static UUID activityId(String activityKey, String blockHash, boolean removed) {
        return EventIds.of("pnl-wallet-activity", activityKey, blockHash, removed);
    }

    /**
     * The ExecutionMatched / ExecutionUnmatched of an execution.
     *
     * @param recording 0 the first time; n when a retracted execution is recorded for the n-th time again
     */
    public static UUID executionId(String executionId, int recording) {
        return recording == 0 ? EventIds.of("pnl-execution", executionId)
                : EventIds.of("pnl-execution", executionId, recording);
    }

    /**
     * A realization (and its PnlRealized): one per close and alert of the closed lots.
     *
     * @param recording the closing execution's recording (0 for a resolution)
     */
    public static UUID realizationId(String closingId, String user, String market, String outcome, String alertId,
            int recording) {
        return recording == 0 ? EventIds.of("pnl-realization", closingId, user, market, outcome, alertId)
                : EventIds.of("pnl-realization", closingId, user, market, outcome, alertId, recording);
    }

    /** The PnlRealized that reverses a realization a reorg undid. */
    public static UUID retractionId(UUID realizationId) {
        return EventIds.causedBy(realizationId, "pnl-retraction");
    }

    /** An event that starts a chain of its own (a venue's posted fill). */
    public static EventEnvelope<?> root(UUID eventId, String user, EventPayload payload) {
        return EventEnvelope.identified(eventId, Instant.now(), SOURCE, user, payload);
    }

    /** An event made in reaction to {@code cause}: it carries the cause's correlation id. */
    public static EventEnvelope<?> causedBy(EventEnvelope<?> cause, UUID eventId, String user, EventPayload payload) {
        return cause == null ? root(eventId, user, payload)
                : EventEnvelope.causedBy(cause, eventId, SOURCE, user, payload);
    }
}
