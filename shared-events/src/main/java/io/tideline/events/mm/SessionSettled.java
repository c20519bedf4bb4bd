package io.tideline.events.mm;

import static io.tideline.events.RequiredFields.require;
import static io.tideline.events.RequiredFields.requireList;

import io.tideline.events.EventPayload;
import java.util.List;

/**
 * A settlement run over a market-making session finished; the counts say what it did.
 *
 * @param runId               the settlement run, unique per invocation
 * @param pairs               the pairs the run settled
 * @param positionsCovered    uncovered positions that got a take-profit order
 * @param duplicatesPrevented orders not placed because an identical one already existed
 * @param dryRun              true when the run only computed orders and placed none
 */
public record SessionSettled(String runId, String sessionId, List<String> pairs, int positionsCovered,
                             int ordersPlaced, int ordersReplaced, int ordersFailed, int duplicatesPrevented,
                             long durationMillis, boolean dryRun) implements EventPayload {

    public SessionSettled {
        require(runId, "runId");
        require(sessionId, "sessionId");
        pairs = requireList(pairs, "pairs");
    }
}
