package io.tideline.perp.marketdata;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * perp-hedger with both feeds on against a WireMock stand-in of its own speaking Extended's API: the market-data feed
 * polling ETH-USD (published as ETH-USD) and BTC-USD (published as the pair BTC-USDC) every 100 ms, and the funding
 * reader every 200 ms (venue extended, stand-in signer). The port is published as a system property.
 */
public class MarketFeedsStandInResource implements QuarkusTestResourceLifecycleManager {

    public static final String PORT_PROPERTY = "tideline.test.extended-feeds.port";

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
        config.put("tideline.perp.rebalance.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
