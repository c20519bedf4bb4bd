package io.tideline.alerting.flow;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A service's health endpoint that answers as a test says: {@code /q/health/ready} 200 UP or 503 DOWN, as a Quarkus
 * service does; alerting polls it as the service {@code stand-in}.
 */
public class ReadinessStandIn implements QuarkusTestResourceLifecycleManager {

    static final String SERVICE = "stand-in";
    static final AtomicBoolean READY = new AtomicBoolean(true);
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/q/health/ready", exchange -> {
            boolean ready = READY.get();
            byte[] body = ("{\"status\":\"" + (ready ? "UP" : "DOWN") + "\",\"checks\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("tideline.alerting.readiness.services.\"" + SERVICE + "\"",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
