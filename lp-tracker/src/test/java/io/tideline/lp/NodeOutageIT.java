package io.tideline.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tideline.testing.ChainDeployment;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TcpGate;
import io.tideline.testing.TestChain;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service following the local chain through a TCP gate: when the node stops answering, readiness goes
 * DOWN (the chain check says FAILING) while the service stays alive; when it answers again, the follower resumes by
 * itself and catches up with the blocks mined meanwhile.
 */
class NodeOutageIT {

    @Test
    void isNotReadyWhileTheNodeIsDownAndCatchesUpByItself() {
        TestChain chain = TestChain.shared();
        ChainDeployment deployment = chain.deployment();
        URI rpc = URI.create(chain.rpcUrl());
        TestDatabase database = TestDatabase.create();
        try (TcpGate gate = new TcpGate(rpc.getHost(), rpc.getPort())) {
            gate.open();
            Map<String, String> env = new HashMap<>(database.serviceEnvironment());
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
            env.put("TIDELINE_LP_CHAIN_ID", Long.toString(chain.chainId()));
            env.put("TIDELINE_LP_CHAIN_RPC_URL", "http://127.0.0.1:" + gate.port());
            env.put("TIDELINE_LP_CHAIN_RPC_TIMEOUT", "2s");
            env.put("TIDELINE_LP_CHAIN_POSITION_MANAGER", deployment.contracts().positionManager());
            env.put("TIDELINE_LP_CHAIN_FACTORY", deployment.contracts().factory());
            env.put("TIDELINE_LP_CHAIN_MULTICALL3", deployment.contracts().multicall3());
            env.put("TIDELINE_LP_CHAIN_POOL_INIT_CODE_HASH", deployment.pool().initCodeHash());
            env.put("TIDELINE_LP_SYNC_START_BLOCK", Long.toString(chain.blockNumber()));
            env.put("TIDELINE_LP_SYNC_CONFIRMATIONS", "0");
            env.put("TIDELINE_LP_SYNC_POLL_INTERVAL", "200ms");
            env.put("TIDELINE_LP_SYNC_MAX_BACKOFF", "1s");
            try (ServiceProcess service = ServiceProcess.start(env)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> service.status("/q/health/ready") == 200);

                gate.shut();
                chain.mine(3);
                await().atMost(Duration.ofSeconds(30)).until(() -> service.status("/q/health/ready") == 503);
                assertThat(service.body("/q/health/ready")).contains("\"chain\"").contains("FAILING");
                assertThat(service.status("/q/health/live")).isEqualTo(200);

                gate.open();
                long head = chain.blockNumber();
                await().atMost(Duration.ofSeconds(30)).until(() -> service.status("/q/health/ready") == 200);
                await().atMost(Duration.ofSeconds(30)).until(() -> service.body("/api/v1/lp/sync")
                        .contains("\"checkpoint\":" + head));
                assertThat(service.isAlive()).isTrue();
            }
        } finally {
            database.drop();
        }
    }
}
