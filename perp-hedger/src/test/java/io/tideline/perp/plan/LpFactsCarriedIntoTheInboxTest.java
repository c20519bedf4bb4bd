package io.tideline.perp.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventJson;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.messaging.inbox.InboxMessage;
import io.tideline.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upgrade to the shared inbox (V2) loses no LP fact: the old table's pending facts come over in order as whole
 * envelopes the planner reads, set-aside ones come over set aside, planned ones stay behind, and the table is dropped.
 */
class LpFactsCarriedIntoTheInboxTest {

    private static final PositionRef POSITION = new PositionRef(31337, "0xc36442b4a4522e871399cd717abdd847ab11fe88",
            "77");

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
    void pendingLpFactsAreCarriedIntoTheInboxOnUpgrade() throws Exception {
        flyway("1").migrate();
        LpMinted minted = new LpMinted(POSITION, "0x5b38da6a701c568545dcfcb03fcb875f56beddc4",
                "0x4e68ccd3e89f51c3074ca5072bbac773960dfa36",
                new TokenRef("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18),
                new TokenRef("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6), 3000, -887_220, 887_220,
                new BigInteger("123456789012345678901234567890"), new BigInteger("1500000000000000001"),
                BigInteger.valueOf(3_750_000_000L), new BigInteger("3961408125713216879677197"),
                new BigDecimal("2500.000000000000000001"), at());
        LpClosed closed = new LpClosed(POSITION, LpClosed.Reason.BURNED, BigInteger.ONE, BigInteger.TWO,
                BigInteger.ZERO, BigInteger.ZERO, new BigDecimal("-1.50"), at());
        UUID mintId = UUID.randomUUID();
        UUID plannedId = UUID.randomUUID();
        UUID asideId = UUID.randomUUID();
        UUID closeId = UUID.randomUUID();
        try (Connection c = database.connect()) {
            insertFact(c, plannedId, "LpClosed", closed, "now()", null);
            insertFact(c, mintId, "LpMinted", minted, null, null);
            insertFact(c, asideId, "LpClosed", closed, "now()", "unknown LP fact type");
            insertFact(c, closeId, "LpClosed", closed, null, null);
        }

        flyway(null).migrate();

        List<InboxMessage> carried = new ArrayList<>();
        List<String> setAside = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select * from inbox where stream = 'lp-facts' order by id")) {
            while (r.next()) {
                if (r.getTimestamp("set_aside_at") != null) {
                    setAside.add(r.getString("message_id") + ": " + r.getString("last_error"));
                    continue;
                }
                carried.add(new InboxMessage(r.getLong("id"), r.getString("stream"), r.getString("message_id"),
                        r.getString("message_key"), r.getString("message_type"), r.getString("body"),
                        r.getTimestamp("received_at").toInstant(), r.getInt("attempts"), null));
            }
            try (ResultSet t = s.executeQuery("select to_regclass('perp_lp_fact') is null")) {
                t.next();
                assertThat(t.getBoolean(1)).as("perp_lp_fact dropped").isTrue();
            }
        }
        assertThat(carried).extracting(InboxMessage::messageId).containsExactly(mintId.toString(),
                closeId.toString());
        assertThat(setAside).containsExactly(asideId + ": unknown LP fact type");

        EventEnvelope<?> mint = carried.get(0).envelope();
        assertThat(mint.eventId()).isEqualTo(mintId);
        assertThat(mint.key()).isEqualTo(POSITION.key());
        assertThat(mint.source()).isEqualTo("lp-tracker");
        assertThat(mint.payload()).isEqualTo(minted);
        assertThat(EventEnvelope.correlationOf(mint)).isEqualTo(mintId.toString());
        assertThat(carried.get(1).envelope().payload()).isEqualTo(closed);
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/messaging", "classpath:db/migration").outOfOrder(true);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }


    private static void insertFact(Connection c, UUID id, String type, Object payload, String plannedAt,
            String error) throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into perp_lp_fact (event_id, position_key, event_type,"
                + " payload, planned_at, plan_error) values (?, ?, ?, cast(? as jsonb), " + (plannedAt == null ? "null"
                : plannedAt) + ", ?)")) {
            s.setObject(1, id);
            s.setString(2, POSITION.key());
            s.setString(3, type);
            s.setString(4, EventJson.mapper().writeValueAsString(payload));
            s.setString(5, error);
            s.executeUpdate();
        }
    }

    private static ChainRef at() {
        String hash = String.format("0x%064x", 9_000);
        return new ChainRef(9_000, hash, hash, 3, Instant.parse("2026-12-01T08:00:00Z"));
    }
}
