package io.tideline.settlement.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tideline.messaging.tx.Transactions;
import io.tideline.settlement.flow.Desk;
import io.tideline.settlement.pricing.PairCatalogue;
import io.tideline.settlement.session.SessionStore.SessionPair;
import io.tideline.settlement.takeprofit.SettlementEvents;
import io.tideline.settlement.takeprofit.SettlementPlanner;
import io.tideline.settlement.takeprofit.TakeProfitStore;
import io.tideline.settlement.venue.VenueOrder;
import io.tideline.settlement.venue.paper.PaperVenue;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The advisory lock lives and dies with its connection. When PostgreSQL ends that connection (here
 * {@code pg_terminate_backend}, as a server restart or a network cut would), the lock is gone: the lock says so, and a
 * settler holding it stops instead of going on as if the pair were still its own; the next run finishes the pair, one
 * take-profit per fill.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PairLockTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    Transactions transactions;

    @Inject
    TakeProfitStore takeProfits;

    @Inject
    SettlementPlanner planner;

    @Inject
    SettlementEvents events;

    @Inject
    PairCatalogue pairs;

    @Test
    void aLockWhoseConnectionIsTerminatedSaysItIsGoneAndIsFreeAgain() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        PairLock lock = PairLock.tryAcquire(pool, session, pair, transactions.timeout()).orElseThrow();
        assertThat(lock.held()).isTrue();
        assertThat(PairLock.tryAcquire(pool, session, pair, transactions.timeout())).as("held elsewhere").isEmpty();

        assertThat(terminateHolder(session, pair)).isEqualTo(1);

        Awaitility.await().atMost(WAIT).until(() -> !lock.held());
        assertThatThrownBy(lock::ensureHeld).isInstanceOf(PairLockLostException.class).hasMessageContaining(pair);
        lock.close(); // nothing left to unlock: no error
        try (PairLock again = PairLock.tryAcquire(pool, session, pair, transactions.timeout()).orElseThrow()) {
            assertThat(again.held()).isTrue();
        }
    }

    @Test
    void aSettlerWhoseLockIsCutStopsAndTheNextRunPlacesTheRestOncePerFill() throws Exception {
        int fills = 15;
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        for (int i = 0; i < fills; i++) {
            Desk.buy(session, "binance", pair, "0.5", "100", Instant.now().minusSeconds(60));
        }
        Desk.book(pair, "99", "99.5");
        // three orders per venue call, each answered after 500 ms: the lock is cut while the pair is half settled
        PaperVenue slow = new PaperVenue(transactions, p -> pairs.rules(p).feeRate(), true, Duration.ofMillis(500));
        PairSettler settler = new PairSettler(transactions, takeProfits, slow, planner, events, 3,
                Clock.systemUTC());
        PairLock lock = PairLock.tryAcquire(pool, session, pair, transactions.timeout()).orElseThrow();
        CompletableFuture<PairOutcome> settling = CompletableFuture.supplyAsync(() -> settler.settle(
                new SessionPair(session, "binance", pair), pairs.rules(pair), false, UUID.randomUUID(), false, lock));

        Awaitility.await().atMost(WAIT).until(() -> !slow.orders(pair, 100).isEmpty());
        assertThat(terminateHolder(session, pair)).isEqualTo(1);

        assertThatThrownBy(() -> settling.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PairLockLostException.class);
        lock.close();
        int placedUnderTheLock = slow.orders(pair, 100).size();
        assertThat(placedUnderTheLock).as("stopped when the lock was gone").isLessThan(fills);

        JsonPath next = Desk.run(session);
        assertThat(next.getList("errors")).isEmpty();
        assertThat(next.getInt("ordersPlaced")).isEqualTo(fills - placedUnderTheLock);
        List<Map<String, Object>> atVenue = Desk.venueOrders(pair);
        assertThat(atVenue).hasSize(fills).allSatisfy(o -> assertThat(o.get("status")).isEqualTo("OPEN"));
        assertThat(atVenue).extracting(o -> o.get("clientOrderId")).doesNotHaveDuplicates();
        assertThat(slow.orders(pair, 100)).extracting(VenueOrder::clientOrderId).doesNotHaveDuplicates();
        assertThat(Desk.takeProfits(session, "LIVE")).hasSize(fills);
        assertThat(Desk.takeProfits(session, null)).hasSize(fills);
    }

    /** Ends the server session holding the pair's advisory lock; returns how many were ended. */
    private long terminateHolder(String session, String pair) {
        long key = PairLock.keyOf(session, pair);
        return transactions.reads().one("select count(*) filter (where pg_terminate_backend(pid)) from pg_locks"
                + " where locktype = 'advisory' and granted and objsubid = 1 and classid::bigint = $1"
                + " and objid::bigint = $2", Tuple.of(key >>> 32, key & 0xffffffffL), r -> r.getLong(0));
    }
}
