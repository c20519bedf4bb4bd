package io.tideline.settlement.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tideline.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service is killed (SIGKILL) half way through a run, while the venue has taken a batch of take-profits
 * and not answered yet (a slow venue); a new instance runs again: it finds those orders at the venue by their client
 * order ids instead of placing them again, and places the rest. Orders at the venue = uncovered fills.
 */
class KilledMidRunPlacesEachTakeProfitOnceIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final List<String> PAIRS = List.of("KIL-USDC", "LED-USDC");
    private static final int FILLS_PER_PAIR = 10;

    private TestDatabase database;
    private SettlementTables tables;

    @BeforeEach
    void database() {
        database = TestDatabase.create();
        tables = new SettlementTables(database);
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void aRunKilledHalfWayAndRunAgainPlacesEachTakeProfitOnce() {
        int fills = PAIRS.size() * FILLS_PER_PAIR;
        try (PackagedSettlement slow = PackagedSettlement.start(database, Map.of(
                "TIDELINE_SETTLEMENT_RUN_INTERVAL", "500ms",
                "TIDELINE_SETTLEMENT_RUN_PARALLELISM", "1",
                "TIDELINE_SETTLEMENT_RUN_VENUE_BATCH_SIZE", "2",
                "TIDELINE_SETTLEMENT_RUN_FILL_WATCH_INTERVAL", "0s",
                "TIDELINE_SETTLEMENT_PAPER_LATENCY", "1500ms",
                "QUARKUS_LOG_LEVEL", "WARN"))) {
            slow.awaitReady(START);
            await().atMost(START).until(tables::migrated);
            tables.seed("killed", PAIRS, FILLS_PER_PAIR, 60, "k");
            // The venue has taken at least two batches: the kill lands while it sleeps before answering the last.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> tables.count("select count(*) from paper_order") >= 4);
            slow.kill();
        }
        long atVenue = tables.count("select count(*) from paper_order");
        long unrecorded = tables.count("select count(*) from tp_order t join paper_order p"
                + " on p.client_order_id = t.client_order_id where t.state = 'PLACING'");
        assertThat(atVenue).as("killed half way").isLessThan(fills);
        assertThat(unrecorded).as("orders the venue took but the dead instance never recorded as live").isPositive();

        try (PackagedSettlement again = PackagedSettlement.start(database, Map.of(
                "TIDELINE_SETTLEMENT_RUN_INTERVAL", "300ms",
                "QUARKUS_LOG_LEVEL", "WARN"))) {
            again.awaitReady(START);
            await().atMost(Duration.ofSeconds(30)).until(() -> tables.count("select count(*) from tp_order"
                    + " where state = 'LIVE'") == fills);
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);

            assertThat(tables.count("select count(*) from paper_order")).as("orders ever placed at the venue")
                    .isEqualTo(fills);
            assertThat(tables.count("select count(*) from paper_order where status = 'OPEN'")).isEqualTo(fills);
            assertThat(tables.count("select count(*) from tp_order")).isEqualTo(fills);
            assertThat(tables.count("select count(*) from tp_order where state <> 'LIVE'")).isZero();
            assertThat(tables.count("select coalesce(sum(duplicates_prevented), 0) from settlement_run"))
                    .as("orders found at the venue by client order id instead of placed again")
                    .isGreaterThanOrEqualTo(unrecorded);
        }
    }
}
