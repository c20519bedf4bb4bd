package io.tideline.messaging.consumer;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The bookkeeping of one Kafka consumer's offset commits made without waiting. Every offset it commits is of records
 * already applied, so an offset whose commit failed while the broker was unreachable is owed: it is committed again,
 * as it was, at the next idle poll once no other commit is in flight, until a commit covering it lands. (Not "the
 * current positions" again: right after a broker comes back the client leaves out the partitions whose positions it
 * is still validating.) A commit the group refused (it rebalanced without this member) is not owed: the partitions'
 * next owner starts from the committed offsets and the claims drop what is delivered again. Owed offsets of
 * partitions revoked or lost in a rebalance are dropped, so a partition that comes back is never committed below what
 * another member committed meanwhile. Used on the consumer thread only (Kafka runs the callbacks and the rebalance
 * listener on it).
 */
final class OffsetCommits {

    private final Map<TopicPartition, OffsetAndMetadata> owed = new HashMap<>();
    private int inFlight;

    /** A commit was sent. */
    void sent() {
        inFlight++;
    }

    /**
     * The broker answered a commit of these offsets.
     *
     * @return whether something is owed now where nothing was before, or the reverse (to log each once)
     */
    boolean answered(Map<TopicPartition, OffsetAndMetadata> offsets, Exception failure) {
        inFlight--;
        boolean owedBefore = !owed.isEmpty();
        if (failure == null) {
            offsets.forEach((partition, committed) -> {
                OffsetAndMetadata due = owed.get(partition);
                if (due != null && due.offset() <= committed.offset()) {
                    owed.remove(partition);
                }
            });
        } else if (failure instanceof RetriableCommitFailedException) {
            offsets.forEach((partition, offset) -> owed.merge(partition, offset,
                    (a, b) -> a.offset() >= b.offset() ? a : b));
        }
        return owedBefore != !owed.isEmpty();
    }

    /** Partitions revoked or lost in a rebalance: their owed offsets are dropped (their next owner goes on). */
    void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(owed::remove);
    }

    /**
     * The offsets to commit again at an idle poll: those owed, of the partitions still assigned, once no commit is
     * in flight; empty when there are none.
     */
    Map<TopicPartition, OffsetAndMetadata> owedWhenIdle(Collection<TopicPartition> assignment) {
        owed.keySet().retainAll(assignment);
        return inFlight > 0 ? Map.of() : Map.copyOf(owed);
    }
}
