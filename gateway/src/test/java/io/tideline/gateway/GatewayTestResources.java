package io.tideline.gateway;

import io.tideline.testing.TestTokens;
import io.tideline.testing.TidelineTestResources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's real servers: Kafka and a fresh database (shared-testing), one stand-in upstream for every service
 * ({@link StandInUpstream}) except analytics, which points at a port nothing listens on (an upstream that is down),
 * and the test key pair's private half to sign caller tokens with.
 */
public class GatewayTestResources extends TidelineTestResources {

    /** The upstream that is down in every gateway test. */
    public static final String DOWN = "analytics";

    private StandInUpstream upstream;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        upstream = StandInUpstream.start();
        for (String name : new String[] {"lp-tracker", "perp-hedger", "pnl-ingest", "settlement", "alerting"}) {
            config.put("tideline.gateway.upstreams." + name + ".url", upstream.url());
        }
        config.put("tideline.gateway.upstreams." + DOWN + ".url", "http://127.0.0.1:" + closedPort());
        config.put("tideline.gateway.caller-token.signing-key-location", TestTokens.signingKeyFile().toString());
        config.put("tideline.gateway.upstream-timeout", "3s");
        return config;
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.close();
        }
        super.stop();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
