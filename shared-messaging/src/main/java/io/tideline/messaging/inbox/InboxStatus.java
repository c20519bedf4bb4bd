package io.tideline.messaging.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An inbox stream's state in this instance: RUNNING, BLOCKED (the database is away; nothing is counted against the
 * messages), ONE_AT_A_TIME (a batch failed; isolating the message that fails), DISABLED or STARTING. With several
 * workers on the stream it is the worst of theirs, the counts are their sums, and the last batch is the slowest of
 * their last batches.
 */
public record InboxStatus(String stream, String state, String error, long processed, long setAside,
                          long failedAttempts, int lastBatchSize, double lastBatchMillis, Instant at, int workers) {

    private static final List<String> WORST_FIRST = List.of("BLOCKED", "ONE_AT_A_TIME", "STARTING");

    public boolean isHealthy() {
        return !"BLOCKED".equals(state);
    }

    /** The stream's status from its workers' (at least one). */
    static InboxStatus combined(List<InboxStatus> workers) {
        InboxStatus first = workers.get(0);
        if (workers.size() == 1) {
            return first;
        }
        String state = WORST_FIRST.stream().filter(s -> workers.stream().anyMatch(w -> w.state().equals(s)))
                .findFirst().orElse(first.state());
        String error = workers.stream().map(InboxStatus::error).filter(Objects::nonNull).findFirst().orElse(null);
        InboxStatus slowest = workers.stream().reduce((a, b) -> b.lastBatchMillis() > a.lastBatchMillis() ? b : a)
                .orElseThrow();
        return new InboxStatus(first.stream(), state, error, workers.stream().mapToLong(InboxStatus::processed).sum(),
                workers.stream().mapToLong(InboxStatus::setAside).sum(),
                workers.stream().mapToLong(InboxStatus::failedAttempts).sum(), slowest.lastBatchSize(),
                slowest.lastBatchMillis(), first.at(), workers.size());
    }
}
