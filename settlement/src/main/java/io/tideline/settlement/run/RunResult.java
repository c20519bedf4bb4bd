package io.tideline.settlement.run;

import java.time.Instant;
import java.util.List;

/**
 * What a settlement run did. {@code positionsCovered}: positions that got a take-profit; {@code duplicatesPrevented}:
 * orders not placed because one under the same client order id, or a live one for the same fill, already existed;
 * {@code pairsSkippedLocked}: (session, pair)s another instance was settling; {@code venueMillis}: time spent waiting
 * for the venue, summed over the pair workers; {@code errors}: the (session, pair)s that failed (the others went on).
 */
public record RunResult(String runId, String trigger, boolean dryRun, Instant startedAt, Instant finishedAt,
                        int sessions, int pairs, int positionsUncovered, int positionsCovered, int ordersPlaced,
                        int ordersReplaced, int ordersFailed, int duplicatesPrevented, int takeProfitsFilled,
                        int pairsSkippedLocked, int sessionsStopped, long durationMillis, long venueMillis,
                        List<PairError> errors) {

    /** A (session, pair) whose settlement failed in this run, and why. */
    public record PairError(String sessionId, String pair, String error) {
    }
}
