package io.tideline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.messaging.inbox.Inbox;
import io.tideline.messaging.inbox.InboxStatus;
import io.tideline.messaging.inbox.InboxWorkers;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Several workers on one stream in one instance: every message is handled exactly once, each key's messages in the
 * order they were accepted, and the workers share the work.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InboxWorkersInParallelTest {

    private static final int KEYS = 8;
    private static final int PER_KEY = 25;

    @Inject
    Inbox inbox;

    @Inject
    InboxWorkers workers;

    @Inject
    Transactions transactions;

    @Test
    void threeWorkersHandleEveryMessageOnceAndEachKeyInOrder() {
        String run = "parallel-" + UUID.randomUUID();
        for (int n = 0; n < PER_KEY; n++) {
            int seq = n;
            transactions.execute(uow -> {
                for (int k = 0; k < KEYS; k++) {
                    inbox.accept(uow, ParallelTestInbox.STREAM, run + "|k" + k + "|" + seq, "k" + k, "T",
                            String.valueOf(seq));
                }
            });
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> handled(run).size() == KEYS * PER_KEY);
        List<String[]> handled = handled(run);
        Map<String, List<Integer>> orderOfKey = new TreeMap<>();
        for (String[] row : handled) {
            String[] id = row[0].split("\\|");
            orderOfKey.computeIfAbsent(id[1], k -> new ArrayList<>()).add(Integer.parseInt(id[2]));
        }
        assertThat(orderOfKey).hasSize(KEYS);
        List<Integer> inOrder = java.util.stream.IntStream.range(0, PER_KEY).boxed().toList();
        orderOfKey.forEach((key, order) -> assertThat(order).as("the order of " + key).isEqualTo(inOrder));
        assertThat(handled.stream().map(row -> row[1]).distinct().count()).as("workers that handled some")
                .isGreaterThan(1);
        InboxStatus status = workers.statuses().stream().filter(s -> s.stream().equals(ParallelTestInbox.STREAM))
                .findFirst().orElseThrow();
        assertThat(status.workers()).isEqualTo(ParallelTestInbox.WORKERS);
        assertThat(status.processed()).isGreaterThanOrEqualTo(KEYS * PER_KEY);
    }

    /** The run's handled messages in the order they were handled: message id, worker. */
    private List<String[]> handled(String run) {
        return transactions.reads().list("select message_id, worker from handled_message where message_id like $1"
                + " order by seq", Tuple.of(run + "|%"), r -> new String[] {r.getString(0), r.getString(1)});
    }
}
