package io.tideline.gateway.ingress;

import io.tideline.gateway.GatewayTestResources;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's test servers, with the real pnl-ingest (its packaged jar, {@code ../pnl-ingest/target/quarkus-app},
 * built by {@code package}) started as its own process on a database of its own, accepting one webhook whose signing
 * key only this test knows; the gateway's pnl-ingest upstream points at it.
 */
public class PnlIngestProcess extends GatewayTestResources {

    static final String WEBHOOK = "wh_gateway_e2e";
    static final String SIGNING_KEY = "e2e-" + java.util.UUID.randomUUID();

    private TestDatabase database;
    private ServiceProcess pnlIngest;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        database = TestDatabase.create();
        Map<String, String> env = new HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("TIDELINE_PNL_WEBHOOKS_0__ID", WEBHOOK);
        env.put("TIDELINE_PNL_WEBHOOKS_0__SIGNING_KEY", SIGNING_KEY);
        pnlIngest = ServiceProcess.start(Path.of("..", "pnl-ingest", "target", "quarkus-app", "quarkus-run.jar"),
                "256m", env);
        pnlIngest.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(90));
        config.put("tideline.gateway.upstreams.pnl-ingest.url", "http://127.0.0.1:" + pnlIngest.port());
        return config;
    }

    @Override
    public void stop() {
        if (pnlIngest != null) {
            pnlIngest.close();
        }
        if (database != null) {
            database.drop();
        }
        super.stop();
    }
}
