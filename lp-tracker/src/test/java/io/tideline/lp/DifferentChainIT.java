package io.tideline.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.JsonRpcClient;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestChain;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service whose node is replaced by another chain behind the same URL (as when the launcher restarts its
 * local chain): it refuses the new chain, saying so in readiness and the sync status, until it is started with
 * {@code TIDELINE_LP_CHAIN_ON_NEW_CHAIN=start-over}; then it retracts what it had published about the old chain and
 * follows the new one from the start block. The URL carries a key, which neither answer nor log ever shows.
 */
class DifferentChainIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String KEY = "v2/it-different-chain-key-91ab";

    @Test
    void refusesAnotherChainUntilToldToStartOverThenRetractsTheOldFactsAndFollowsTheNewChain() throws Exception {
        TestChain first = TestChain.shared();
        ChainDeployment deployment = first.deployment();
        String tokenId = deployment.initialPosition().tokenId().toString();
        String key = first.chainId() + ":" + deployment.contracts().positionManager().toLowerCase(Locale.ROOT) + ":"
                + tokenId;
        String firstGenesis = first.send("eth_getBlockByNumber", "0x0", false).get("hash").asText();
        TestDatabase database = TestDatabase.create();
        try (SecondChain second = SecondChain.start(); RpcSwitch rpc = new RpcSwitch(first.rpcUrl());
             KafkaTestClient kafka = new KafkaTestClient(TestKafka.bootstrapServers())) {
            assertThat(second.deployment().path("contracts").path("nonfungiblePositionManager").asText())
                    .isEqualTo(deployment.contracts().positionManager());
            String secondGenesis = second.genesisHash();
            Map<String, String> env = new HashMap<>(database.serviceEnvironment());
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
            env.put("TIDELINE_LP_CHAIN_ID", Long.toString(first.chainId()));
            env.put("TIDELINE_LP_CHAIN_RPC_URL", rpc.url() + "/" + KEY);
            env.put("TIDELINE_LP_CHAIN_POSITION_MANAGER", deployment.contracts().positionManager());
            env.put("TIDELINE_LP_CHAIN_FACTORY", deployment.contracts().factory());
            env.put("TIDELINE_LP_CHAIN_MULTICALL3", deployment.contracts().multicall3());
            env.put("TIDELINE_LP_CHAIN_POOL_INIT_CODE_HASH", deployment.pool().initCodeHash());
            env.put("TIDELINE_LP_WATCHED_WALLETS", deployment.accounts().owner().address());
            env.put("TIDELINE_LP_SYNC_START_BLOCK", "0");
            env.put("TIDELINE_LP_SYNC_CONFIRMATIONS", "0");
            env.put("TIDELINE_LP_SYNC_POLL_INTERVAL", "200ms");
            env.put("TIDELINE_LP_SYNC_MAX_BACKOFF", "1s");
            String refusal = "a different chain: genesis " + secondGenesis + " but the checkpoint was taken on "
                    + firstGenesis + "; set tideline.lp.chain.on-new-chain=start-over to start over";

            UUID firstMint;
            try (ServiceProcess service = ServiceProcess.start(env)) {
                await().atMost(WAIT).until(() -> service.status("/q/health/ready") == 200);
                await().atMost(WAIT).until(() -> service.status("/api/v1/lp/positions/" + tokenId) == 200);
                JsonNode minted = facts(service, tokenId).get(0);
                assertThat(minted.path("type").asText()).isEqualTo("LpMinted");
                firstMint = UUID.fromString(minted.path("eventId").asText());

                rpc.pointAt(second.rpcUrl());
                await().atMost(WAIT).until(() -> service.status("/q/health/ready") == 503);
                String ready = service.body("/q/health/ready");
                assertThat(ready).contains(refusal).contains(rpc.url()).doesNotContain(KEY);
                JsonNode sync = JSON.readTree(service.body("/api/v1/lp/sync"));
                assertThat(sync.path("state").asText()).isEqualTo("FAILING");
                assertThat(sync.path("detail").asText()).isEqualTo(refusal);
                assertThat(sync.path("node").asText()).isEqualTo(rpc.url());
                // Nothing of the old chain was taken back while refusing.
                assertThat(facts(service, tokenId))
                        .allSatisfy(f -> assertThat(f.hasNonNull("retractedAt")).isFalse());
                assertThat(service.isAlive()).isTrue();
                assertThat(service.output()).contains(secondGenesis).doesNotContain(KEY);
            }

            env.put("TIDELINE_LP_CHAIN_ON_NEW_CHAIN", "start-over");
            try (ServiceProcess service = ServiceProcess.start(env)) {
                await().atMost(WAIT).until(() -> service.status("/q/health/ready") == 200);
                // The old chain's facts are retracted (kept in the history), the new chain's token 1 is followed.
                await().atMost(WAIT).untilAsserted(() -> {
                    List<JsonNode> facts = facts(service, tokenId);
                    assertThat(facts).anySatisfy(f -> {
                        assertThat(f.path("eventId").asText()).isEqualTo(firstMint.toString());
                        assertThat(f.hasNonNull("retractedAt")).isTrue();
                    });
                    assertThat(facts).anySatisfy(f -> {
                        assertThat(f.path("type").asText()).isEqualTo("LpMinted");
                        assertThat(f.hasNonNull("retractedAt")).isFalse();
                        assertThat(f.path("blockHash").asText()).isEqualTo(blockHash(second,
                                f.path("blockNumber").asLong()));
                    });
                });
                List<LpFactRetracted> retractions = kafka.read(Topics.LP_POSITIONS.name(),
                                r -> key.equals(r.key()) && CODEC.decode(r.value()).payload()
                                        instanceof LpFactRetracted f && f.retractedEventId().equals(firstMint), 1,
                                WAIT).stream()
                        .map(r -> (LpFactRetracted) CODEC.decode(r.value()).payload()).toList();
                assertThat(retractions).hasSize(1);
                assertThat(retractions.get(0).retractedType()).isEqualTo("LpMinted");
                assertThat(retractions.get(0).forkBlock()).isZero();
                JsonNode sync = JSON.readTree(service.body("/api/v1/lp/sync"));
                assertThat(sync.path("state").asText()).isIn("FOLLOWING", "CATCHING_UP");
                assertThat(service.output()).contains("start-over").doesNotContain(KEY);
            }
        } finally {
            database.drop();
        }
    }

    private static List<JsonNode> facts(ServiceProcess service, String tokenId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(service.body("/api/v1/lp/positions/" + tokenId + "/history")).forEach(out::add);
        return out;
    }

    private static String blockHash(SecondChain chain, long number) {
        return new JsonRpcClient(chain.rpcUrl())
                .call("eth_getBlockByNumber", List.of("0x" + Long.toHexString(number), false)).get("hash").asText();
    }
}
