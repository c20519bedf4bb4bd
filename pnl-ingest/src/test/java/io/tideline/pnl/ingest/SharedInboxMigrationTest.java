package io.tideline.pnl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V2 moves the old {@code webhook_inbox} into the shared inbox: pending deliveries stay pending (in arrival order),
 * processed ones keep answering duplicate, set-aside ones stay set aside with their reason, and each wallet activity
 * names its delivery by the delivery id instead of the old row id.
 */
class SharedInboxMigrationTest {

    private TestDatabase database;

    @BeforeEach
    void create() {
        database = TestDatabase.create();
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void carriesTheOldInboxIntoTheSharedOneAndKeepsEachActivitysDelivery() throws Exception {
        flyway().target("1").load().migrate();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into webhook_inbox (source, webhook_id, delivery_id, created_at, body, received_at,"
                    + " processed_at, process_error) values"
                    + " ('alchemy', 'wh_a', 'whevt_done', now(), '{\"done\":1}', now() - interval '3 minutes',"
                    + "  now() - interval '2 minutes', null),"
                    + " ('alchemy', 'wh_a', 'whevt_bad', now(), 'not json', now() - interval '2 minutes',"
                    + "  now() - interval '1 minute', 'body: not valid JSON'),"
                    + " ('poller', 'fallback-poller', 'poll:MATIC_MAINNET:0xb1', now(), '{\"p\":1}',"
                    + "  now() - interval '1 minute', null, null),"
                    + " ('alchemy', 'wh_a', 'whevt_pending', now(), '{\"p\":2}', now(), null, null)");
            s.executeUpdate("insert into wallet_activity (activity_key, inbox_id, wallet, network, tx_hash, log_index,"
                    + " category, from_address, to_address, raw_value, block_number, seen_at)"
                    + " select 'k1', id, '0xw', 'MATIC_MAINNET', '0xt', 1, 'token', '0xw', '0xx', 5, 10, now()"
                    + " from webhook_inbox where delivery_id = 'whevt_done'");
        }

        flyway().load().migrate();

        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select message_id, message_key, message_type, body,"
                    + " processed_at is not null, set_aside_at is not null, coalesce(last_error, '-') from inbox"
                    + " where stream = 'alchemy-webhooks' order by id")) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " "
                            + (r.getBoolean(5) ? "processed" : r.getBoolean(6) ? "set-aside" : "pending") + " "
                            + r.getString(7));
                }
            }
            assertThat(rows).containsExactly(
                    "whevt_done wh_a ADDRESS_ACTIVITY {\"done\":1} processed -",
                    "whevt_bad wh_a ADDRESS_ACTIVITY not json set-aside body: not valid JSON",
                    "poll:MATIC_MAINNET:0xb1 fallback-poller ADDRESS_ACTIVITY {\"p\":1} pending -",
                    "whevt_pending wh_a ADDRESS_ACTIVITY {\"p\":2} pending -");
            try (ResultSet r = s.executeQuery("select delivery_id from wallet_activity where activity_key = 'k1'")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("whevt_done");
            }
            try (ResultSet r = s.executeQuery("select to_regclass('webhook_inbox') is null, count(*) filter"
                    + " (where column_name = 'inbox_id') from information_schema.columns"
                    + " where table_name = 'wallet_activity'")) {
                r.next();
                assertThat(r.getBoolean(1)).as("webhook_inbox dropped").isTrue();
                assertThat(r.getLong(2)).as("wallet_activity.inbox_id dropped").isZero();
            }
        }
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/messaging", "classpath:db/migration").outOfOrder(true);
    }

}
