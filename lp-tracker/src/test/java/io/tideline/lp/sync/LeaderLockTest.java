package io.tideline.lp.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The follower lock against the real database: one holder per chain, gone with its connection. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LeaderLockTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    Transactions transactions;

    @Test
    void oneConnectionAtATimeHoldsAChainsLock() {
        Optional<LeaderLock> first = LeaderLock.tryAcquire(pool, 900_001, TIMEOUT);
        try (LeaderLock held = first.orElseThrow()) {
            assertThat(LeaderLock.tryAcquire(pool, 900_001, TIMEOUT)).isEmpty();
            try (LeaderLock otherChain = LeaderLock.tryAcquire(pool, 900_002, TIMEOUT).orElseThrow()) {
                assertThat(otherChain.held()).isTrue();
            }
            assertThat(held.held()).isTrue();
        }
        try (LeaderLock next = LeaderLock.tryAcquire(pool, 900_001, TIMEOUT).orElseThrow()) {
            assertThat(next.held()).isTrue();
        }
    }

    @Test
    void aLockWhoseConnectionEndsIsNoLongerHeldAndAnotherTakesIt() {
        try (LeaderLock lock = LeaderLock.tryAcquire(pool, 900_003, TIMEOUT).orElseThrow()) {
            assertThat(terminateHolder(transactions, 900_003)).isEqualTo(1);

            await().atMost(TIMEOUT).until(() -> !lock.held());
            try (LeaderLock next = LeaderLock.tryAcquire(pool, 900_003, TIMEOUT).orElseThrow()) {
                assertThat(next.held()).isTrue();
            }
        }
    }

    /** Ends the database session holding the chain's follower lock, as a server restart or a dead instance would. */
    static int terminateHolder(Transactions transactions, long chainId) {
        long key = LeaderLock.keyOf(chainId);
        return transactions.reads().list("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                        + " and granted and objsubid = 1 and classid::bigint = $1 and objid::bigint = $2"
                        + " and database = (select oid from pg_database where datname = current_database())",
                Tuple.of(key >>> 32, key & 0xffffffffL), r -> r.getBoolean(0)).size();
    }
}
