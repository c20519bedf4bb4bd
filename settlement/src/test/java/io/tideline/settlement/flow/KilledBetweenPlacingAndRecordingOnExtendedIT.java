package io.tideline.settlement.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.extended.ExtendedExchangeStandIn;
import io.tideline.testing.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, configured for Extended ({@code tideline.settlement.venue=extended}) and pointed at the WireMock
 * stand-in, is killed (SIGKILL) after Extended has taken a take-profit and before the service recorded it (the stand-in
 * holds its answer); a new instance runs again: it finds that order by its client order id (Extended's external id)
 * instead of sending it again. Afterwards Extended has received exactly one create request per take-profit and holds
 * one order for each.
 */
class KilledBetweenPlacingAndRecordingOnExtendedIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final List<String> PAIRS = List.of("KEX-USDC", "LEX-USDC");
    private static final int FILLS_PER_PAIR = 6;

    private TestDatabase database;
    private SettlementTables tables;
    private ExtendedExchangeStandIn extended;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        tables = new SettlementTables(database);
        extended = ExtendedExchangeStandIn.start();
        for (String pair : PAIRS) {
            extended.book(market(pair), "90", "91");
            extended.position(market(pair), "100");
        }
    }

    @AfterEach
    void tearDown() {
        extended.close();
        database.drop();
    }

    @Test
    void killedAfterExtendedTookATakeProfitAndRunAgainSendsEachOnce() {
        int fills = PAIRS.size() * FILLS_PER_PAIR;
        extended.delayOrderAnswers(Duration.ofMillis(1500));
        try (PackagedSettlement slow = PackagedSettlement.start(database, settings(Map.of(
                "TIDELINE_SETTLEMENT_RUN_INTERVAL", "500ms",
                "TIDELINE_SETTLEMENT_RUN_PARALLELISM", "1",
                "TIDELINE_SETTLEMENT_RUN_VENUE_BATCH_SIZE", "2")))) {
            slow.awaitReady(START);
            await().atMost(START).until(tables::migrated);
            tables.seed("killed-ext", PAIRS, FILLS_PER_PAIR, 60, "x");
            // Extended has taken a third order and holds its answer: the kill lands before the service hears of it
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> extended.orders().size() >= 3);
            slow.kill();
        }
        Set<String> atVenue = extended.orders().stream().map(o -> o.get("externalId").asText())
                .collect(Collectors.toSet());
        long unrecorded = tables.count("select count(*) from tp_order where state = 'PLACING' and client_order_id"
                + " in (" + atVenue.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")");
        assertThat(atVenue).as("killed half way").hasSizeLessThan(fills);
        assertThat(unrecorded).as("orders Extended took that the dead instance never recorded").isPositive();

        extended.delayOrderAnswers(Duration.ZERO);
        try (PackagedSettlement again = PackagedSettlement.start(database, settings(Map.of(
                "TIDELINE_SETTLEMENT_RUN_INTERVAL", "300ms")))) {
            again.awaitReady(START);
            await().atMost(Duration.ofSeconds(60)).until(() -> tables.count("select count(*) from tp_order"
                    + " where state = 'LIVE'") == fills);
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);

            Map<String, Long> creates = extended.createRequestBodies().stream()
                    .collect(Collectors.groupingBy(b -> b.get("id").asText(), Collectors.counting()));
            assertThat(creates).as("create requests Extended received, by external id").hasSize(fills)
                    .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
            List<JsonNode> orders = extended.orders();
            assertThat(orders).as("orders at Extended").hasSize(fills)
                    .allSatisfy(o -> assertThat(o.get("status").asText()).isEqualTo("NEW"));
            assertThat(tables.count("select count(*) from tp_order")).isEqualTo(fills);
            assertThat(tables.count("select count(*) from tp_order where venue = 'extended' and state = 'LIVE'"))
                    .isEqualTo(fills);
            Map<String, String> venueIds = new HashMap<>();
            orders.forEach(o -> venueIds.put(o.get("externalId").asText(), o.get("id").asText()));
            assertThat(tables.count("select count(*) from tp_order where venue_order_id in ("
                    + venueIds.values().stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")"))
                    .as("recorded under Extended's ids, digit for digit").isEqualTo(fills);
            assertThat(tables.count("select coalesce(sum(duplicates_prevented), 0) from settlement_run"))
                    .as("orders found at Extended by external id instead of sent again")
                    .isGreaterThanOrEqualTo(unrecorded);
        }
    }

    private Map<String, String> settings(Map<String, String> run) {
        Map<String, String> env = new HashMap<>(run);
        env.put("TIDELINE_SETTLEMENT_RUN_FILL_WATCH_INTERVAL", "0s");
        env.put("TIDELINE_SETTLEMENT_VENUE", "extended");
        env.put("TIDELINE_SETTLEMENT_EXTENDED_BASE_URL", extended.baseUrl());
        env.put("TIDELINE_SETTLEMENT_EXTENDED_API_KEY", ExtendedExchangeStandIn.API_KEY);
        env.put("TIDELINE_SETTLEMENT_EXTENDED_SIGNER", "stand-in");
        env.put("TIDELINE_SETTLEMENT_EXTENDED_STAND_IN_KEY", ExtendedExchangeStandIn.STAND_IN_KEY);
        env.put("TIDELINE_SETTLEMENT_EXTENDED_COLLATERAL_POSITION", Long.toString(ExtendedExchangeStandIn.VAULT));
        env.put("TIDELINE_SETTLEMENT_EXTENDED_CONFIRM_INTERVAL", "50ms");
        for (int i = 0; i < PAIRS.size(); i++) {
            env.put("TIDELINE_SETTLEMENT_EXTENDED_MARKETS_" + i + "__PAIR", PAIRS.get(i));
            env.put("TIDELINE_SETTLEMENT_EXTENDED_MARKETS_" + i + "__MARKET", market(PAIRS.get(i)));
        }
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        return env;
    }

    private static String market(String pair) {
        return pair.replace("-USDC", "-USD");
    }
}
