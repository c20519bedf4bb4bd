package io.tideline.settlement.flow;

import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged settlement service run as its own JVM on a port we chose (ServiceProcess's own HTTP helpers look at the
 * port it picked, which this overrides), so that tests can GET and POST to it.
 */
public final class PackagedSettlement implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceProcess process;
    private final int port;

    private PackagedSettlement(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it on the test database and broker with these settings on top. */
    public static PackagedSettlement start(TestDatabase database, Map<String, String> settings) {
        int port = freePort();
        Map<String, String> env = new HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putAll(settings);
        return new PackagedSettlement(ServiceProcess.start(env), port);
    }

    public ServiceProcess process() {
        return process;
    }

    public boolean ready() {
        return get("/q/health/ready").statusCode() == 200;
    }

    /** GETs a path; status -1 and an empty body when the service does not answer. */
    public Answer get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", TestTokens.bearer("admin")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
    }

    /** An HTTP answer. */
    public record Answer(int statusCode, String body) {
    }

    /** Waits until it is ready; fails with its output and readiness report when it does not get there in time. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("settlement not ready within " + timeout + ": "
                        + get("/q/health/ready").body() + "\n" + process.output());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** POSTs JSON; returns the status code, or -1 when the service does not answer. */
    public int post(String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("Authorization", TestTokens.bearer("admin"))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
