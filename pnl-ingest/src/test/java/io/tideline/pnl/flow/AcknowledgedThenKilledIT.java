package io.tideline.pnl.flow;

import io.tideline.testing.alchemy.AlchemyPayloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service acknowledges a webhook and is killed (SIGKILL) before it processes it: after a restart the
 * delivery is processed from the inbox, once; Alchemy's retry of the same delivery is acknowledged as a duplicate.
 */
class AcknowledgedThenKilledIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String CTF = "0x4d97dcd97ec945f40cf65f87097ace5ea0476045";
    private static final String USDC = "0x2791bca1f2de4661ed88a30c99a7a9449aa84174";
    private static final String WALLET = PnlTestResources.Wallets.CRASH;

    private TestDatabase database;

    @BeforeEach
    void database() {
        database = TestDatabase.create();
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void aDeliveryAcknowledgedBeforeACrashIsProcessedOnceAfterRestart() {
        String tx = AlchemyPayloads.txHash();
        BigInteger token = BigInteger.valueOf(System.nanoTime());
        byte[] body = AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), Instant.now(),
                AlchemyPayloads.usdc(tx, 1, WALLET, PnlTestResources.EXCHANGE, USDC, 30_000_000),
                AlchemyPayloads.shares(tx, 2, PnlTestResources.EXCHANGE, WALLET, CTF, token, 50_000_000));
        Map<String, String> signed = Map.of("Content-Type", "application/json", "X-Alchemy-Signature",
                AlchemyPayloads.sign(body, PnlTestResources.SIGNING_KEY));

        try (ServiceProcess first = ServiceProcess.start(env(false))) {
            await().atMost(START).until(() -> first.status("/q/health/ready") == 200);
            HttpResponse<String> ack = first.post("/api/v1/webhooks/alchemy", signed, body);
            assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
            assertThat(ack.body()).contains("\"accepted\"");
            first.kill();
        }
        assertThat(PnlTopic.read(WalletActivityReceived.class, a -> a.txHash().equals(tx), 1, Duration.ofSeconds(2)))
                .as("nothing published before processing").isEmpty();

        try (ServiceProcess second = ServiceProcess.start(env(true))) {
            await().atMost(START).until(() -> second.status("/q/health/ready") == 200);
            // Alchemy did not get our answer in time and retries the delivery: acknowledged, not stored again.
            HttpResponse<String> retry = second.post("/api/v1/webhooks/alchemy", signed, body);
            assertThat(retry.body()).contains("\"duplicate\"");

            assertThat(PnlTopic.read(ExecutionUnmatched.class, e -> e.executionId().contains(tx), 2,
                    Duration.ofSeconds(20))).as(second.output()).hasSize(1)
                    .allSatisfy(e -> assertThat(e.price()).isEqualByComparingTo("0.6"));
            assertThat(PnlTopic.read(WalletActivityReceived.class, a -> a.txHash().equals(tx), 3,
                    Duration.ofSeconds(5))).hasSize(2);
        }
    }

    private Map<String, String> env(boolean processing) {
        Map<String, String> env = new HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("TIDELINE_PNL_WEBHOOKS_0__ID", PnlTestResources.WEBHOOK);
        env.put("TIDELINE_PNL_WEBHOOKS_0__SIGNING_KEY", PnlTestResources.SIGNING_KEY);
        env.put("TIDELINE_PNL_WALLETS", WALLET);
        env.put("TIDELINE_PNL_PROCESSING_ENABLED", Boolean.toString(processing));
        return env;
    }
}
