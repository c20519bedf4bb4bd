package io.tideline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The module's built service ({@code target/quarkus-app/quarkus-run.jar}) started as its own process, the way
 * {@code ./platform} runs it, for integration tests of start-up and failure behaviour.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar with the given environment on top of a clean one (no inherited Quarkus/Tideline settings). */
    public static ServiceProcess start(Map<String, String> env) {
        return start(Path.of("target", "quarkus-app", "quarkus-run.jar"), "256m", env);
    }

    /** Starts another module's built service (benchmarks), with this heap. */
    public static ServiceProcess start(Path jar, String maxHeap, Map<String, String> env) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is not built: run the integration tests with"
                    + " `verify` (after `package`)");
        }
        int port = FreePorts.next();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-jar", jar.toString());
        try {
            Path log = Files.createTempFile("service-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("TIDELINE_")
                    || k.startsWith("KAFKA_"));
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().putAll(TestTokens.serviceEnvironment());
            builder.environment().putAll(env);
            return new ServiceProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    /** Waits for the process to exit; returns its exit code, or empty if it still runs after the timeout. */
    public OptionalInt awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The port the service listens on. */
    public int port() {
        return port;
    }

    /**
     * {@code POST path} with the headers and raw body given; returns status and body (status -1: no answer). Without an
     * {@code Authorization} header among them the call is an admin's ({@link TestTokens}).
     */
    public HttpResponse<String> post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            request.header("Authorization", TestTokens.bearer("admin"));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Waits until an admin's {@code GET path} answers {@code expected} (e.g. {@code /q/health/ready} 200), asking every
     * 200 ms.
     *
     * @throws IllegalStateException with everything the process printed, if it ends first or {@code timeout} passes
     */
    public void awaitStatus(String path, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status(path) != expected) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the service did not answer " + expected + " on " + path + " within "
                        + timeout.toSeconds() + " s" + (process.isAlive() ? "" : " (it ended)") + ":\n" + output());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + path, e);
            }
        }
    }

    /** The HTTP status of an admin's {@code GET path}, or -1 when the service does not answer. */
    public int status(String path) {
        return get(path).map(HttpResponse::statusCode).orElse(-1);
    }

    /** The body of {@code GET path}, or an empty string when the service does not answer. */
    public String body(String path) {
        return get(path).map(HttpResponse::body).orElse("");
    }

    private Optional<HttpResponse<String>> get(String path) {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", TestTokens.bearer("admin"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would: no shutdown hooks, nothing finished. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }
}
