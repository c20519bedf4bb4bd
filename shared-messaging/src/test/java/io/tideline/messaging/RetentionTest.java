package io.tideline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tideline.messaging.outbox.OutboxRelay;
import io.tideline.messaging.tx.Transactions;
import io.vertx.mutiny.sqlclient.Tuple;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What grows with traffic is deleted past its retention, and nothing else: applied event ids (processed_event), processed
 * inbox messages and published outbox rows; set-aside inbox messages, unpublished outbox rows and recent rows stay.
 */
@QuarkusTest
@TestProfile(RetentionTest.ShortRetention.class)
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RetentionTest {

    public static class ShortRetention implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tideline.messaging.cleanup-interval", "300ms",
                    "tideline.messaging.consumer.processed-retention", "1h",
                    "tideline.messaging.inbox.retention", "1h",
                    "tideline.messaging.relay.retention", "1h");
        }
    }

    @Inject
    Transactions transactions;

    @Inject
    OutboxRelay relay;

    @Test
    void appliedEventIdsOlderThanTheRetentionAreForgottenAndRecentOnesKept() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID otherConsumers = UUID.randomUUID();
        transactions.execute(uow -> {
            uow.exec("insert into processed_event (consumer, event_id, processed_at) values ($1, $2,"
                    + " now() - interval '2 hours')", Tuple.of("price-ledger", old));
            uow.exec("insert into processed_event (consumer, event_id, processed_at) values ($1, $2,"
                    + " now() - interval '10 minutes')", Tuple.of("price-ledger", recent));
            uow.exec("insert into processed_event (consumer, event_id, processed_at) values ($1, $2,"
                    + " now() - interval '2 hours')", Tuple.of("a-consumer-of-another-deployment", otherConsumers));
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> !exists("processed_event", "event_id", old));
        assertThat(exists("processed_event", "event_id", recent)).isTrue();
        // each consumer forgets its own ids only
        assertThat(exists("processed_event", "event_id", otherConsumers)).isTrue();
    }

    @Test
    void processedInboxMessagesOlderThanTheRetentionAreDeletedSetAsideOnesKept() {
        String run = "retention-" + UUID.randomUUID();
        transactions.execute(uow -> {
            insertInbox(uow, run + "-old", "processed_at = now() - interval '2 hours'");
            insertInbox(uow, run + "-recent", "processed_at = now() - interval '10 minutes'");
            insertInbox(uow, run + "-set-aside", "set_aside_at = now() - interval '30 days'");
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> !exists("inbox", "message_id", run + "-old"));
        assertThat(exists("inbox", "message_id", run + "-recent")).isTrue();
        assertThat(exists("inbox", "message_id", run + "-set-aside")).isTrue();
    }

    @Test
    void publishedOutboxRowsOlderThanTheRetentionAreDeletedUnpublishedOnesNever() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID unpublished = UUID.randomUUID();
        UUID oldAudit = UUID.randomUUID();
        UUID recentAudit = UUID.randomUUID();
        transactions.execute(uow -> {
            // rows a relay of the previous version stamped sent_at on
            insertOutbox(uow, old, "now() - interval '3 hours'", "now() - interval '2 hours'");
            insertOutbox(uow, recent, "now() - interval '3 hours'", "now() - interval '10 minutes'");
            insertOutbox(uow, unpublished, "now() - interval '30 days'", "null");
            // the audit rows the relay keeps for the rows it deletes once published
            insertSent(uow, oldAudit, "now() - interval '2 hours'");
            insertSent(uow, recentAudit, "now() - interval '10 minutes'");
        });

        assertThat(relay.deletePublishedPastRetention()).isGreaterThanOrEqualTo(2);

        assertThat(exists("outbox", "event_id", old)).isFalse();
        assertThat(exists("outbox", "event_id", recent)).isTrue();
        assertThat(exists("outbox", "event_id", unpublished)).isTrue();
        assertThat(exists("outbox_sent", "event_id", oldAudit)).isFalse();
        assertThat(exists("outbox_sent", "event_id", recentAudit)).isTrue();
        transactions.execute(uow -> uow.exec("delete from outbox where event_id = $1", Tuple.of(unpublished)));
    }

    private static void insertInbox(io.tideline.messaging.tx.UnitOfWork uow, String id, String state) {
        uow.exec("insert into inbox (stream, message_id, body) values ('retention-test', $1, 'x')", Tuple.of(id));
        uow.exec("update inbox set " + state + " where message_id = $1", Tuple.of(id));
    }

    private static void insertOutbox(io.tideline.messaging.tx.UnitOfWork uow, UUID id, String created, String sent) {
        uow.exec("insert into outbox (event_id, topic, event_key, event_type, envelope, created_at, sent_at)"
                + " values ($1, 'retention.test', 'k', 'T', '{}', " + created + ", " + sent + ")", Tuple.of(id));
    }

    private static void insertSent(io.tideline.messaging.tx.UnitOfWork uow, UUID id, String sent) {
        uow.exec("insert into outbox_sent (outbox_id, event_id, topic, event_key, event_type, created_at, sent_at)"
                + " values (0, $1, 'retention.test', 'k', 'T', " + sent + ", " + sent + ")", Tuple.of(id));
    }

    private boolean exists(String table, String column, Object value) {
        return transactions.reads().one("select count(*) from " + table + " where " + column + " = $1",
                Tuple.of(value), r -> r.getLong(0)) > 0;
    }
}
