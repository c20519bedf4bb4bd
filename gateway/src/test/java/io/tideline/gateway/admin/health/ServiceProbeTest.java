package io.tideline.gateway.admin.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tideline.gateway.auth.CallerTokenConfig;
import io.tideline.gateway.auth.CallerTokens;
import io.tideline.gateway.route.Upstream;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe of one service against real sockets: one that never answers, one not ready, one closed. */
class ServiceProbeTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final ServiceProbe probe = new ServiceProbe(new CallerTokens(new NoSigningKey()), new ObjectMapper());

    @Test
    void aServiceThatAcceptsButNeverAnswersIsDownAfterTheTimeoutNamingIt() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HealthReport.ServiceHealth health = probe.probe(upstream("settlement", silent.getLocalPort()), TIMEOUT)
                    .get(10, TimeUnit.SECONDS);
            assertThat(health.name()).isEqualTo("settlement");
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.reason()).isEqualTo("no answer: none within 300 ms");
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aServiceThatIsNotReadyIsDownWithItsFailingChecks() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = ("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"messaging\",\"status\":\"DOWN\"},"
                    + "{\"name\":\"Database connections health check\",\"status\":\"UP\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            HealthReport.ServiceHealth health = probe.probe(upstream("alerting", server.getAddress().getPort()),
                    TIMEOUT).get(10, TimeUnit.SECONDS);
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.reason()).isEqualTo("not ready (HTTP 503) messaging");
            assertThat(health.checks()).containsExactly(new HealthReport.Check("messaging", "DOWN"),
                    new HealthReport.Check("Database connections health check", "UP"));
            assertThat(health.outboxBacklog()).as("its messaging state could not be read").isNull();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServiceThatIsNotThereIsDownSayingSo() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HealthReport.ServiceHealth health = probe.probe(upstream("lp-tracker", closed), TIMEOUT)
                .get(10, TimeUnit.SECONDS);
        assertThat(health.status()).isEqualTo("DOWN");
        assertThat(health.reason()).startsWith("no answer: ConnectException");
    }

    private static Upstream upstream(String name, int port) {
        return new Upstream(name, URI.create("http://127.0.0.1:" + port), List.of());
    }

    /** A gateway without a signing key: it cannot vouch for itself, so only readiness is asked. */
    private static final class NoSigningKey implements CallerTokenConfig {
        @Override
        public Optional<String> signingKeyLocation() {
            return Optional.empty();
        }

        @Override
        public Duration ttl() {
            return Duration.ofMinutes(2);
        }

        @Override
        public String issuer() {
            return "tideline";
        }

        @Override
        public String audience() {
            return "tideline-api";
        }
    }
}
