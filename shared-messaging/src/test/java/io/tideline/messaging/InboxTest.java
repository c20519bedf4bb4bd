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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InboxTest {

    @Inject
    Inbox inbox;

    @Inject
    InboxWorkers workers;

    @Inject
    Transactions transactions;

    @Inject
    Pool pool;

    @Test
    void processesEachMessageOnceInArrivalOrder() {
        String run = "order-" + UUID.randomUUID();
        List<String> ids = List.of(run + "-1", run + "-2", run + "-3", run + "-4");
        for (String id : ids) {
            assertThat(accept(id, "body of " + id)).isTrue();
        }
        assertThat(accept(ids.get(1), "a redelivery")).isFalse();

        await().atMost(Duration.ofSeconds(20)).until(() -> handled(run).size() == ids.size());
        assertThat(handled(run)).containsExactlyElementsOf(ids);
        String body = transactions.reads().one("select body from handled_message where message_id = $1",
                Tuple.of(ids.get(1)), r -> r.getString(0));
        assertThat(body).isEqualTo("body of " + ids.get(1));
        String logged = transactions.reads().one("select logged_message_id from handled_message where message_id = $1",
                Tuple.of(ids.get(1)), r -> r.getString(0));
        assertThat(logged).isEqualTo(ids.get(1));
    }

    @Test
    void setsAPoisonMessageAsideAfterItsAttemptsAndGoesOn() {
        String run = "poison-" + UUID.randomUUID();
        accept(run + "-a", "fine");
        accept(run + "-poison", "poison: a handler bug");
        accept(run + "-b", "fine");

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(run).size() == 2);
        assertThat(handled(run)).containsExactly(run + "-a", run + "-b");
        Row poison = row(run + "-poison");
        assertThat(poison.getInteger("attempts")).isEqualTo(3);
        assertThat(poison.getValue("set_aside_at")).isNotNull();
        assertThat(poison.getValue("processed_at")).isNull();
        assertThat(poison.getString("last_error")).contains("cannot handle poison");
        assertThat(inbox.setAside(transactions.reads(), TestInbox.STREAM, 50))
                .anySatisfy(m -> assertThat(m.messageId()).isEqualTo(run + "-poison"));
        InboxStatus status = workers.statuses().stream().filter(s -> s.stream().equals(TestInbox.STREAM))
                .findFirst().orElseThrow();
        assertThat(status.setAside()).isPositive();
    }

    @Test
    void setsAnUnprocessableMessageAsideAtOnce() {
        String run = "unreadable-" + UUID.randomUUID();
        accept(run + "-x", "unreadable bytes");
        accept(run + "-y", "fine");

        await().atMost(Duration.ofSeconds(20)).until(() -> handled(run).size() == 1);
        Row unreadable = row(run + "-x");
        assertThat(unreadable.getInteger("attempts")).isZero();
        assertThat(unreadable.getValue("set_aside_at")).isNotNull();
        assertThat(unreadable.getString("last_error")).isEqualTo("not a message: unreadable bytes");
    }

    @Test
    void redrivesASetAsideMessage() {
        String run = "redrive-" + UUID.randomUUID();
        accept(run + "-x", "unreadable once");
        await().atMost(Duration.ofSeconds(20)).until(() -> row(run + "-x").getValue("set_aside_at") != null);
        long id = row(run + "-x").getLong("id");
        // an operator fixes the cause (here: the body) and puts the message back in line
        transactions.execute(uow -> uow.exec("update inbox set body = 'fine now' where id = $1", id));

        int back = transactions.run(uow -> inbox.redrive(uow, TestInbox.STREAM, id));

        assertThat(back).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> handled(run).size() == 1);
        assertThat(row(run + "-x").getValue("processed_at")).isNotNull();
    }

    @Test
    void acceptsSeveralMessagesOfOneBodyTogetherSkippingIdsSeenBefore() {
        String run = "together-" + UUID.randomUUID();
        List<Inbox.Addressed> first = List.of(new Inbox.Addressed(run + "-1", "k1"),
                new Inbox.Addressed(run + "-2", "k2"), new Inbox.Addressed(run + "-3", "k1"));

        int added = inbox.acceptAlone(pool, Duration.ofSeconds(5), TestInbox.STREAM, first, "test", "shared body")
                .await().atMost(Duration.ofSeconds(10));
        int again = inbox.acceptAlone(pool, Duration.ofSeconds(5), TestInbox.STREAM,
                List.of(new Inbox.Addressed(run + "-2", "k2"), new Inbox.Addressed(run + "-4", "k2")), "test",
                "shared body").await().atMost(Duration.ofSeconds(10));

        assertThat(added).isEqualTo(3);
        assertThat(again).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> handled(run).size() == 4);
        assertThat(handled(run)).containsExactly(run + "-1", run + "-2", run + "-3", run + "-4");
        assertThat(row(run + "-3").getString("message_key")).isEqualTo("k1");
        assertThat(row(run + "-3").getString("body")).isEqualTo("shared body");
        assertThat(row(run + "-4").getLong("id")).isGreaterThan(row(run + "-3").getLong("id"));
    }

    private boolean accept(String id, String body) {
        return transactions.run(uow -> inbox.accept(uow, TestInbox.STREAM, id, null, "test", body));
    }

    private List<String> handled(String run) {
        return transactions.reads().list("select message_id from handled_message where message_id like $1"
                + " order by seq", Tuple.of(run + "%"), r -> r.getString(0));
    }

    private Row row(String messageId) {
        return transactions.reads().one("select * from inbox where stream = $1 and message_id = $2",
                Tuple.of(TestInbox.STREAM, messageId), r -> r);
    }
}
