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
 * Two packaged settlement instances on one database and one (paper) venue, each running settlement every 200 ms while
 * fills keep arriving in waves: every uncovered fill ends with exactly one take-profit at the venue, never two.
 */
class TwoInstancesPlaceEachTakeProfitOnceIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final List<String> PAIRS = List.of("AAA-USDC", "BBB-USDC", "CCC-USDC", "DDD-USDC", "EEE-USDC",
            "FFF-USDC");
    private static final int WAVES = 3;
    private static final int FILLS_PER_PAIR = 8;

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
    void twoInstancesSettlingTheSameFillsPlaceOneTakeProfitPerFill() {
        Map<String, String> settings = Map.of(
                "TIDELINE_SETTLEMENT_RUN_INTERVAL", "200ms",
                "TIDELINE_SETTLEMENT_RUN_PARALLELISM", "3",
                "TIDELINE_SETTLEMENT_RUN_VENUE_BATCH_SIZE", "3",
                "TIDELINE_SETTLEMENT_RUN_FILL_WATCH_INTERVAL", "150ms",
                "TIDELINE_SETTLEMENT_PAPER_LATENCY", "30ms",
                "QUARKUS_LOG_LEVEL", "WARN");
        try (PackagedSettlement a = PackagedSettlement.start(database, settings);
             PackagedSettlement b = PackagedSettlement.start(database, settings)) {
            a.awaitReady(START);
            b.awaitReady(START);
            for (int wave = 0; wave < WAVES; wave++) {
                tables.seed("two-instances", PAIRS, FILLS_PER_PAIR, 60, "w" + wave);
                await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
            }
            int fills = WAVES * PAIRS.size() * FILLS_PER_PAIR;
            await().atMost(Duration.ofSeconds(60)).until(() -> tables.count("select count(*) from tp_order"
                    + " where state = 'LIVE'") == fills);
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);

            assertThat(tables.count("select count(*) from mm_fill")).isEqualTo(fills);
            assertThat(tables.count("select count(*) from paper_order")).as("orders ever placed at the venue")
                    .isEqualTo(fills);
            assertThat(tables.count("select count(*) from paper_order where status = 'OPEN'")).isEqualTo(fills);
            assertThat(tables.count("select count(*) from tp_order")).as("take-profits recorded").isEqualTo(fills);
            assertThat(tables.count("select count(*) from (select fill_key from tp_order group by fill_key"
                    + " having count(*) > 1) d")).as("fills with two take-profits").isZero();
            assertThat(tables.count("select count(distinct o.client_order_id) from paper_order o join tp_order t"
                    + " on t.client_order_id = o.client_order_id and t.venue_order_id = o.order_id::text"))
                    .as("venue orders matched to their records").isEqualTo(fills);
            assertThat(tables.count("select count(*) from settlement_run where orders_placed > 0"))
                    .as("runs that placed orders").isGreaterThan(1);
            System.out.printf("two instances: %d runs, %d (session, pair)s skipped as locked by the other,"
                    + " %d duplicates prevented%n", tables.count("select count(*) from settlement_run"),
                    tables.count("select coalesce(sum(pairs_skipped_locked), 0) from settlement_run"),
                    tables.count("select coalesce(sum(duplicates_prevented), 0) from settlement_run"));
        }
    }
}
