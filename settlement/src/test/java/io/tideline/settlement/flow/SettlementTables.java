package io.tideline.settlement.flow;

import io.tideline.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Settlement's tables seen directly, for the tests of packaged instances: fills seeded as the consumer would store
 * them, and counts of what the venue and settlement hold.
 */
public final class SettlementTables {

    private final TestDatabase database;

    public SettlementTables(TestDatabase database) {
        this.database = database;
    }

    /** One session with {@code fillsPerPair} buy fills in each pair, bought {@code ageSeconds} ago at 100. */
    public void seed(String sessionId, List<String> pairs, int fillsPerPair, long ageSeconds, String tradePrefix) {
        Instant at = Instant.now().minusSeconds(ageSeconds);
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("insert into mm_session (session_id, venue, pairs,"
                    + " started_at, last_activity_at, source) values (?, 'binance', ?, ?, now(), 'api')"
                    + " on conflict (session_id) do update set last_activity_at = now()")) {
                s.setString(1, sessionId);
                s.setArray(2, c.createArrayOf("text", pairs.toArray()));
                s.setTimestamp(3, Timestamp.from(at));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into mm_fill (session_id, pair, venue, order_id,"
                    + " trade_id, side, qty, price, fee, filled_at, source) values (?, ?, 'binance', ?, ?, 'BUY', ?,"
                    + " ?, 0, ?, 'api')")) {
                for (String pair : pairs) {
                    for (int i = 0; i < fillsPerPair; i++) {
                        String id = tradePrefix + "-" + pair + "-" + i;
                        s.setString(1, sessionId);
                        s.setString(2, pair);
                        s.setString(3, "o" + id);
                        s.setString(4, id);
                        s.setBigDecimal(5, new BigDecimal("0.5"));
                        s.setBigDecimal(6, new BigDecimal("100"));
                        s.setTimestamp(7, Timestamp.from(at));
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Whether the service has created its tables yet. */
    public boolean migrated() {
        try {
            count("select count(*) from settlement_run");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

}
