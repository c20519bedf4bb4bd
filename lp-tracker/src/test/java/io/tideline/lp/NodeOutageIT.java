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
 * DOWN (the chain check says FAILING: "node unreachable", the node named by host and port only, not by the key in its
 * URL) while the service stays alive; when it answers again, the follower resumes by itself and catches up with the
 * blocks mined meanwhile. Neither its answers nor its log ever show the key.
 */
class NodeOutageIT {

    private static final String KEY = "v2/it-node-outage-key-7c3e";

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
            String node = "http://127.0.0.1:" + gate.port();
            env.put("TIDELINE_LP_CHAIN_RPC_URL", node + "/" + KEY);
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
                String ready = service.body("/q/health/ready");
                assertThat(ready).contains("\"chain\"").contains("FAILING").contains("node unreachable: " + node)
                        .doesNotContain(KEY).doesNotContain("Exception");
                assertThat(service.body("/api/v1/lp/sync")).contains("\"detail\":\"node unreachable: " + node + "\"")
                        .contains("\"node\":\"" + node + "\"").doesNotContain(KEY);
                assertThat(service.status("/q/health/live")).isEqualTo(200);

                gate.open();
                long head = chain.blockNumber();
                await().atMost(Duration.ofSeconds(30)).until(() -> service.status("/q/health/ready") == 200);
                await().atMost(Duration.ofSeconds(30)).until(() -> service.body("/api/v1/lp/sync")
                        .contains("\"checkpoint\":" + head));
                assertThat(service.isAlive()).isTrue();
                assertThat(service.output()).contains(node).doesNotContain(KEY);
            }
        } finally {
            database.drop();
        }
    }
}
