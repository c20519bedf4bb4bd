package io.tideline.perp.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tideline.testing.GatedDatabaseResources;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.messaging.inbox.InboxWorkers;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A database outage in the middle of planning an LP fact counts nothing against the fact: the shared inbox worker
 * waits the outage out and plans it once the database is back (the old planner set such a fact aside for good).
 */
@QuarkusTest
@TestProfile(PlanningOutageProfile.class)
@WithTestResource(value = GatedDatabaseResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PlanningOutageTest {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final String POOL = "0x4e68ccd3e89f51c3074ca5072bbac773960dfa36";

    @Inject
    InboxWorkers workers;

    @Inject
    Transactions transactions;

    @Test
    void aFactPlannedDuringADatabaseOutageIsPlannedOnceItIsBackAndNeverSetAside() throws Exception {
        PositionRef position = new PositionRef(31337, "0xc36442b4a4522e871399cd717abdd847ab11fe88", "4242");
        AtomicBoolean cut = new AtomicBoolean();
        CuttingPoolMarkets.CUT.set(() -> {
            GatedDatabaseResources.gate().shut();
            cut.set(true);
        });
        String hash = String.format("0x%064x", 5_000);
        LpMinted minted = new LpMinted(position, "0x5b38da6a701c568545dcfcb03fcb875f56beddc4", POOL,
                new TokenRef("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18),
                new TokenRef("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6), 3000, -887_220, 887_220,
                new BigInteger("1000000000000"), BigInteger.TEN.pow(18), BigInteger.valueOf(2_500_000_000L),
                new BigInteger("3961408125713216879677197"), new BigDecimal("2500"),
                new ChainRef(5_000, hash, hash, 0, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        EventEnvelope<LpMinted> mint = EventEnvelope.of("lp-tracker", position.key(), null, minted);
        try (KafkaTestClient kafka = new KafkaTestClient(TestKafka.bootstrapServers())) {
            kafka.send(Topics.LP_POSITIONS.name(), mint.key(), CODEC.encode(mint));
        }

        await().atMost(Duration.ofSeconds(30)).untilTrue(cut);
        await().atMost(Duration.ofSeconds(20)).until(() -> workers.statuses().stream()
                .anyMatch(s -> s.stream().equals(LpFactPlanning.STREAM) && s.state().equals("BLOCKED")));
        Thread.sleep(2_000); // several back-off rounds (300 ms at most) while the database is away: more than 3
        GatedDatabaseResources.gate().open();

        await().atMost(Duration.ofSeconds(30)).until(() -> orders(position) == 1);
        Row fact = transactions.reads().one("select * from inbox where stream = $1 and message_id = $2",
                Tuple.of(LpFactPlanning.STREAM, mint.eventId().toString()), r -> r);
        assertThat(fact.getInteger("attempts")).isZero();
        assertThat(fact.getValue("set_aside_at")).isNull();
        assertThat(fact.getValue("processed_at")).isNotNull();
        String status = transactions.reads().one("select status from perp_hedge where position_key = $1",
                Tuple.of(position.key()), r -> r.getString(0));
        assertThat(status).isIn("OPENING", "OPEN", "FAILED"); // planned; the paper venue has no price here
    }

    private long orders(PositionRef position) {
        try {
            return transactions.reads().one("select count(*) from perp_order where position_key = $1",
                    Tuple.of(position.key()), r -> r.getLong(0));
        } catch (RuntimeException databaseStillAway) {
            return -1;
        }
    }
}
