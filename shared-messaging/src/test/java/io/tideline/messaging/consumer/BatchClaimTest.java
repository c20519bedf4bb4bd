package io.tideline.messaging.consumer;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The poll's one-statement claim on the real PostgreSQL schema: what it claims, what it leaves to parked keys. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BatchClaimTest {

    @Inject
    Pool pool;

    @Inject
    Transactions transactions;

    @Test
    void claimsNewEnvelopesOnceAndLeavesThoseOfParkedKeysUnclaimed() {
        String consumer = "batch-claim-" + UUID.randomUUID();
        EventEnvelope<PriceObserved> fresh = event("open-key");
        EventEnvelope<PriceObserved> appliedBefore = event("open-key");
        EventEnvelope<PriceObserved> behindParked = event("parked-key");
        EventEnvelope<PriceObserved> otherFresh = event("other-key");
        exec("insert into processed_event (consumer, event_id) values ($1, $2)", consumer, appliedBefore.eventId());
        exec("insert into parked_key (consumer, event_key, reason) values ($1, $2, 'test')", consumer, "parked-key");
        // the same key parked by another consumer parks nothing here
        exec("insert into parked_key (consumer, event_key, reason) values ($1, $2, 'test')", consumer + "-other",
                "other-key");

        BatchClaim claim = transactions.run(uow -> BatchClaim.of(uow, consumer,
                List.of(fresh, appliedBefore, behindParked, fresh, otherFresh)));

        assertThat(claim.claimed()).containsExactlyInAnyOrder(fresh.eventId(), otherFresh.eventId());
        assertThat(claim.parkedKeys()).containsExactly("parked-key");
        assertThat(claimedIds(consumer)).containsExactlyInAnyOrder(fresh.eventId(), appliedBefore.eventId(),
                otherFresh.eventId());

        BatchClaim again = transactions.run(uow -> BatchClaim.of(uow, consumer, List.of(fresh, behindParked)));
        assertThat(again.claimed()).isEmpty();
        assertThat(again.parkedKeys()).containsExactly("parked-key");
    }

    @Test
    void claimsEverythingNewWhenNoKeyIsParked() {
        String consumer = "batch-claim-" + UUID.randomUUID();
        EventEnvelope<PriceObserved> first = event("k1");
        EventEnvelope<PriceObserved> second = event("k2");

        BatchClaim claim = transactions.run(uow -> BatchClaim.of(uow, consumer, List.of(first, second)));

        assertThat(claim.claimed()).containsExactlyInAnyOrder(first.eventId(), second.eventId());
        assertThat(claim.parkedKeys()).isEmpty();
    }

    private static EventEnvelope<PriceObserved> event(String key) {
        PriceObserved price = new PriceObserved("test", "31337:0xpool", new BigDecimal("2500"), null, null, null,
                Instant.parse("2026-12-08T00:00:00Z"));
        return EventEnvelope.of("test", key, null, price);
    }

    private void exec(String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely();
    }

    private List<UUID> claimedIds(String consumer) {
        return pool.preparedQuery("select event_id from processed_event where consumer = $1")
                .execute(Tuple.of(consumer)).await().indefinitely().stream().map(r -> r.getUUID(0)).toList();
    }
}
