package io.tideline.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxStatusTest {

    private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void aStreamsStatusIsTheWorstOfItsWorkersWithTheirCountsSummed() {
        InboxStatus combined = InboxStatus.combined(List.of(
                worker("RUNNING", null, 10, 0, 1, 20, 4.5),
                worker("BLOCKED", "database unreachable", 5, 1, 2, 3, 9.0),
                worker("ONE_AT_A_TIME", "boom", 7, 2, 3, 1, 1.0)));

        assertThat(combined.state()).isEqualTo("BLOCKED");
        assertThat(combined.error()).isEqualTo("database unreachable");
        assertThat(combined.processed()).isEqualTo(22);
        assertThat(combined.setAside()).isEqualTo(3);
        assertThat(combined.failedAttempts()).isEqualTo(6);
        assertThat(combined.lastBatchSize()).isEqualTo(3); // the slowest last batch
        assertThat(combined.lastBatchMillis()).isEqualTo(9.0);
        assertThat(combined.workers()).isEqualTo(3);
        assertThat(combined.isHealthy()).isFalse();
    }

    @Test
    void workersAllRunningAreRunningAndOneWorkerIsItself() {
        InboxStatus one = worker("RUNNING", null, 1, 0, 0, 1, 1.0);
        assertThat(InboxStatus.combined(List.of(one))).isSameAs(one);
        assertThat(InboxStatus.combined(List.of(one, worker("RUNNING", null, 2, 0, 0, 1, 2.0))).state())
                .isEqualTo("RUNNING");
        assertThat(InboxStatus.combined(List.of(one, worker("STARTING", null, 0, 0, 0, 0, 0))).state())
                .isEqualTo("STARTING");
    }

    private static InboxStatus worker(String state, String error, long processed, long setAside, long failed,
            int lastBatch, double millis) {
        return new InboxStatus("s", state, error, processed, setAside, failed, lastBatch, millis, AT, 1);
    }
}
