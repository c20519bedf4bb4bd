package io.tideline.perp.flow;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A WireMock server standing in for Extended's REST API (the tests stub its documented responses), and perp-hedger
 * pointed at it: venue extended with the stand-in signer, one hedged pool ({@link #POOL} on ETH-USD, WETH as token0,
 * step 0.001), fast lookups and retries. The port is published as a system property for the test classes.
 */
public class ExtendedStandInResource implements QuarkusTestResourceLifecycleManager {

    public static final String PORT_PROPERTY = "tideline.test.extended.port";
    public static final String POOL = "0x4e68ccd3e89f51c3074ca5072bbac773960dfa36";
    public static final long CHAIN_ID = 31337;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        System.setProperty(PORT_PROPERTY, Integer.toString(server.port()));
        Map<String, String> config = new HashMap<>();
        config.put("tideline.perp.venue", "extended");
        config.put("tideline.perp.extended.base-url", "http://localhost:" + server.port() + "/api/v1");
        config.put("tideline.perp.extended.api-key", "stand-in-api-key");
        config.put("tideline.perp.extended.signer", "stand-in");
        config.putAll(hedgedPool());
        config.put("tideline.perp.rebalance.enabled", "false");
        config.put("tideline.perp.execution.poll-interval", "50ms");
        config.put("tideline.perp.execution.lookup-interval", "100ms");
        config.put("tideline.perp.execution.initial-backoff", "200ms");
        config.put("tideline.perp.execution.max-backoff", "1s");
        config.put("tideline.perp.execution.max-attempts", "3");
        config.put("tideline.perp.execution.reconcile-interval", "1s");
        return config;
    }

    /** The desk's wallet in the tests: {@link LpEvents}' positions are its. */
    public static final String DESK_WALLET = "0x5b38da6a701c568545dcfcb03fcb875f56beddc4";

    /**
     * {@link #POOL} hedged on ETH-USD, WETH (token0) the volatile token, step 0.001: the tests' one hedged pool; and
     * {@link #DESK_WALLET} the desk's one wallet.
     */
    static Map<String, String> hedgedPool() {
        return Map.of("tideline.perp.owners", DESK_WALLET, "tideline.perp.pools[0].pool", CHAIN_ID + ":" + POOL,
                "tideline.perp.pools[0].market", "ETH-USD",
                "tideline.perp.pools[0].volatile-token", "token0",
                "tideline.perp.pools[0].step", "0.001");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
