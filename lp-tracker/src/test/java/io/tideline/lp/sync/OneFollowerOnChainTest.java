package io.tideline.lp.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.lp.chain.ChainTestResource;
import io.tideline.lp.checkpoint.CheckpointStore;
import io.tideline.lp.config.TrackerConfig;
import io.tideline.lp.health.ChainReadiness;
import io.tideline.lp.wallet.WalletStore;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.TestChain;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * Two lp-tracker instances on one database (the service's follower and a second one made here with the same beans):
 * only the holder of the chain's follower lock follows; the other stands by, ready, and takes over when the leader
 * stops or its lock's database connection ends.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ChainTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OneFollowerOnChainTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> FOLLOWING = Set.of("FOLLOWING", "CATCHING_UP");

    @Inject
    ChainFollower service;
    @Inject
    TrackerConfig config;
    @Inject
    SchemaMigration schema;
    @Inject
    Transactions transactions;
    @Inject
    TrackerStore store;
    @Inject
    CheckpointStore checkpoints;
    @Inject
    WalletStore wallets;
    @Inject
    Pool pool;

    @Test
    void aSecondInstanceStandsByWhileTheLeaderFollowsAndTakesOverWhenItsConnectionEnds() {
        TestChain chain = TestChain.shared();
        long chainId = chain.chainId();
        await().atMost(WAIT).until(() -> FOLLOWING.contains(service.status().state()));
        ChainFollower second = new ChainFollower(config, schema, transactions, store, checkpoints, wallets, pool);
        try {
            second.start();
            await().atMost(WAIT).until(() -> "STANDBY".equals(second.status().state()));
            assertThat(second.status().detail()).contains("another instance follows chain " + chainId);
            assertThat(new ChainReadiness(second).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

            // The leader follows new blocks; the standby processes none.
            chain.mine(3);
            long head = chain.blockNumber() - 1;
            await().atMost(WAIT).until(() -> service.status().checkpoint() >= head);
            assertThat(second.status().passes()).isZero();
            assertThat(second.status().state()).isEqualTo("STANDBY");

            // The leader's lock connection ends (a dead instance, a terminated session): the standby takes over.
            assertThat(LeaderLockTest.terminateHolder(transactions, chainId)).isEqualTo(1);
            await().atMost(WAIT).until(() -> FOLLOWING.contains(second.status().state()));
            await().atMost(WAIT).until(() -> "STANDBY".equals(service.status().state()));
            long passesOfTheOld = service.status().passes();
            chain.mine(3);
            long later = chain.blockNumber() - 1;
            await().atMost(WAIT).until(() -> second.status().checkpoint() >= later);
            assertThat(second.status().passes()).isPositive();
            assertThat(service.status().passes()).isEqualTo(passesOfTheOld);
            assertThat(service.status().state()).isEqualTo("STANDBY");
        } finally {
            second.stop();
        }
        // Stopping releases the lock: the service's follower leads again (the other tests need it).
        await().atMost(WAIT).until(() -> FOLLOWING.contains(service.status().state()));
        chain.mine(2);
        long last = chain.blockNumber() - 1;
        await().atMost(WAIT).until(() -> service.status().checkpoint() >= last);
    }
}
