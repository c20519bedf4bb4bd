package io.tideline.gateway.dashboard;

import io.tideline.testing.TestTokens;
import io.tideline.testing.TidelineTestResources;

import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard browser test's servers: Kafka and a fresh database (shared-testing), {@link DashboardStandIn} for
 * every service behind the gateway, the test key pair to sign tokens with, and the dev login switched on (allowed in
 * the test profile, as in the local one).
 */
public class DashboardTestResources extends TidelineTestResources {

    static final String STAND_IN_URL = "dashboard.test.stand-in-url";

    private DashboardStandIn standIn;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        standIn = DashboardStandIn.start();
        for (String name : new String[] {"lp-tracker", "perp-hedger", "pnl-ingest", "settlement", "analytics",
                "alerting"}) {
            config.put("tideline.gateway.upstreams." + name + ".url", standIn.url(name));
        }
        config.put(STAND_IN_URL, standIn.url());
        config.put("tideline.gateway.caller-token.signing-key-location", TestTokens.signingKeyFile().toString());
        config.put("tideline.gateway.dashboard.dev-login.enabled", "true");
        return config;
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
        super.stop();
    }
}
