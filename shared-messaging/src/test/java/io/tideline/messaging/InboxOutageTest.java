package io.tideline.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.testing.GatedDatabaseResources;
import io.tideline.messaging.inbox.Inbox;
import io.tideline.messaging.inbox.InboxWorkers;
import io.tideline.messaging.tx.Transactions;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The inbox tells a database outage from a poison message: an outage mid-message counts nothing against it. */
@QuarkusTest
@WithTestResource(value = GatedDatabaseResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InboxOutageTest {

    @Inject
    Inbox inbox;

    @Inject
    InboxWorkers workers;

    @Inject
    Transactions transactions;

    @Test
    void waitsOutADatabaseOutageWithoutSettingTheMessageAside() throws Exception {
        String id = "outage-" + UUID.randomUUID();
        AtomicBoolean cut = new AtomicBoolean();
        TestInbox.CUT.set(() -> {
            GatedDatabaseResources.gate().shut();
            cut.set(true);
        });

        transactions.execute(uow -> inbox.accept(uow, TestInbox.STREAM, id, null, "test", "cut the database"));
        await().atMost(Duration.ofSeconds(20)).untilTrue(cut);
        await().atMost(Duration.ofSeconds(20)).until(() -> workers.statuses().stream()
                .anyMatch(s -> s.stream().equals(TestInbox.STREAM) && s.state().equals("BLOCKED")));
        Thread.sleep(2_000); // several back-off rounds while the database is away: more than max-attempts
        GatedDatabaseResources.gate().open();

        await().atMost(Duration.ofSeconds(30)).until(() -> handledCount(id) == 1);
        Row row = transactions.reads().one("select * from inbox where stream = $1 and message_id = $2",
                Tuple.of(TestInbox.STREAM, id), r -> r);
        assertThat(row.getInteger("attempts")).isZero();
        assertThat(row.getValue("set_aside_at")).isNull();
        assertThat(row.getValue("processed_at")).isNotNull();
    }

    @Test
    void answers503WithRetryAfterWhileTheDatabaseIsAway() {
        GatedDatabaseResources.gate().shut();
        try {
            given().get("/api/v1/messaging").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("detail", containsString("database does not answer"));
            given().post("/api/v1/messaging/inbox/" + TestInbox.STREAM + "/redrive").then().statusCode(503);
        } finally {
            GatedDatabaseResources.gate().open();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/messaging").then().statusCode(200));
    }

    private long handledCount(String id) {
        try {
            return transactions.reads().one("select count(*) from handled_message where message_id = $1",
                    Tuple.of(id), r -> r.getLong(0));
        } catch (RuntimeException databaseStillAway) {
            return -1;
        }
    }
}
