package io.tideline.messaging.consumer;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OffsetCommitsTest {

    private static final TopicPartition P0 = new TopicPartition("market.prices", 0);
    private static final TopicPartition P1 = new TopicPartition("market.prices", 1);
    private static final List<TopicPartition> ASSIGNED = List.of(P0, P1);
    private static final Exception UNREACHABLE = new RetriableCommitFailedException("the broker is away");

    private final OffsetCommits commits = new OffsetCommits();

    @Test
    void owesNothingWhileCommitsLand() {
        commits.sent();
        assertThat(commits.answered(Map.of(P0, at(5)), null)).isFalse();
        assertThat(commits.owedWhenIdle(ASSIGNED)).isEmpty();
    }

    @Test
    void owesTheOffsetsOfACommitThatFailedOnceNoOtherCommitIsInFlight() {
        commits.sent();
        commits.sent();
        assertThat(commits.answered(Map.of(P0, at(5), P1, at(2)), UNREACHABLE)).as("owed from now on").isTrue();
        assertThat(commits.owedWhenIdle(ASSIGNED)).as("the later commit may still land").isEmpty();
        assertThat(commits.answered(Map.of(P0, at(7)), UNREACHABLE)).as("still owed").isFalse();
        assertThat(commits.owedWhenIdle(ASSIGNED)).as("the highest offset of each partition")
                .isEqualTo(Map.of(P0, at(7), P1, at(2)));

        commits.sent();
        assertThat(commits.owedWhenIdle(ASSIGNED)).as("the commit again is in flight").isEmpty();
        assertThat(commits.answered(Map.of(P0, at(7), P1, at(2)), null)).as("nothing owed any more").isTrue();
        assertThat(commits.owedWhenIdle(ASSIGNED)).isEmpty();
    }

    @Test
    void keepsOwingAPartitionALaterCommitLeftOut() {
        commits.sent();
        commits.answered(Map.of(P0, at(5), P1, at(2)), UNREACHABLE);
        // right after the broker is back the client commits only the positions it has validated
        commits.sent();
        assertThat(commits.answered(Map.of(P0, at(6)), null)).isFalse();
        assertThat(commits.owedWhenIdle(ASSIGNED)).isEqualTo(Map.of(P1, at(2)));
    }

    @Test
    void owesNothingTheGroupRefusedOrOfPartitionsNoLongerAssigned() {
        commits.sent();
        commits.answered(Map.of(P0, at(5)), new CommitFailedException("the group rebalanced without this member"));
        assertThat(commits.owedWhenIdle(ASSIGNED)).isEmpty();

        commits.sent();
        commits.answered(Map.of(P0, at(5), P1, at(2)), UNREACHABLE);
        assertThat(commits.owedWhenIdle(List.of(P1))).isEqualTo(Map.of(P1, at(2)));
        assertThat(commits.owedWhenIdle(ASSIGNED)).as("a partition dropped stays dropped").isEqualTo(Map.of(P1, at(2)));
    }

    @Test
    void dropsWhatIsOwedForAPartitionARebalanceTookAway() {
        commits.sent();
        commits.answered(Map.of(P0, at(5), P1, at(2)), UNREACHABLE);
        commits.revoked(List.of(P0));
        // P0 may come back after another member committed past 5: it is not committed at 5 again
        assertThat(commits.owedWhenIdle(ASSIGNED)).isEqualTo(Map.of(P1, at(2)));
    }

    private static OffsetAndMetadata at(long offset) {
        return new OffsetAndMetadata(offset);
    }
}
