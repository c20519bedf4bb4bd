package io.tideline.perp.flow;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A WireMock server standing in for Extended's REST API (the tests stub its documented responses), and perp-hedger
 * pointed at it: venue extended with the stand-in signer, rebalancing off, and per {@link #ROLE} (an init arg):
 * <ul>
 *   <li>{@value #HEDGING} (the default): one hedged pool ({@link #POOL} on ETH-USD, WETH as token0, step 0.001), fast
 *       lookups and retries;</li>
 *   <li>{@value #FEEDS}: both feeds on, the market-data feed polling ETH-USD (published as ETH-USD) and BTC-USD
 *       (published as the pair BTC-USDC) every 100 ms, and the funding reader every 200 ms, with a 2 s timeout.</li>
 * </ul>
 * The test classes reach the running stand-in through {@link #client()}.
 */
public class ExtendedStandInResource implements QuarkusTestResourceLifecycleManager {

    /** The init arg choosing what perp-hedger does against the stand-in: {@value #HEDGING} or {@value #FEEDS}. */
    public static final String ROLE = "role";
    public static final String HEDGING = "hedging";
    public static final String FEEDS = "feeds";
    public static final String POOL = "0x4e68ccd3e89f51c3074ca5072bbac773960dfa36";
    public static final long CHAIN_ID = 31337;
    /** The desk's wallet in the tests: {@link LpEvents}' positions are its. */
    public static final String DESK_WALLET = "0x5b38da6a701c568545dcfcb03fcb875f56beddc4";

    private static final String PORT_PROPERTY = "tideline.test.extended.port";

    private String role = HEDGING;
    private WireMockServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        role = initArgs.getOrDefault(ROLE, HEDGING);
        if (!role.equals(HEDGING) && !role.equals(FEEDS)) {
            throw new IllegalArgumentException("role " + role + ": expected " + HEDGING + " or " + FEEDS);
        }
    }

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
        config.put("tideline.perp.rebalance.enabled", "false");
        config.putAll(role.equals(FEEDS) ? feeds() : hedging());
        return config;
    }

    /** A client of the running stand-in, to stub its answers and see what perp-hedger asked. */
    public static WireMock client() {
        return new WireMock("localhost", Integer.getInteger(PORT_PROPERTY));
    }

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

    private static Map<String, String> hedging() {
        Map<String, String> config = new HashMap<>(hedgedPool());
        config.put("tideline.perp.execution.poll-interval", "50ms");
        config.put("tideline.perp.execution.lookup-interval", "100ms");
        config.put("tideline.perp.execution.initial-backoff", "200ms");
        config.put("tideline.perp.execution.max-backoff", "1s");
        config.put("tideline.perp.execution.max-attempts", "3");
        config.put("tideline.perp.execution.reconcile-interval", "1s");
        return config;
    }

    private static Map<String, String> feeds() {
        Map<String, String> config = new HashMap<>();
        config.put("tideline.perp.extended.timeout", "2s");
        config.put("tideline.perp.market-data.extended.enabled", "true");
        config.put("tideline.perp.market-data.extended.markets[0].market", "ETH-USD");
        config.put("tideline.perp.market-data.extended.markets[1].market", "BTC-USD");
        config.put("tideline.perp.market-data.extended.markets[1].instrument", "BTC-USDC");
        config.put("tideline.perp.market-data.extended.poll-interval", "100ms");
        config.put("tideline.perp.market-data.extended.max-backoff", "200ms");
        config.put("tideline.perp.funding.enabled", "true");
        config.put("tideline.perp.funding.poll-interval", "200ms");
        config.put("tideline.perp.funding.max-backoff", "400ms");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
