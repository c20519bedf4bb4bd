package io.tideline.alerting.flow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on a free loopback port (the JDK's HttpServer), as a customer would run one: each route checks
 * the signature itself (its own HMAC-SHA256 over {@code "<timestamp>.<body>"}, not alerting's code) and the 5-minute
 * replay window, records what arrived, and answers as the test says — per idempotency key, so retries can be told.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String path, String idempotencyKey, String timestamp, String signature, String body,
                    boolean signatureValid, String contentType, Instant at) {
    }

    /** How a route answers the {@code nth} request (1, 2, ...) carrying a key. */
    interface Answer {
        int status(String idempotencyKey, int nth);
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.setExecutor(receiver.threads);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook receiver", e);
        }
    }

    /** Serves {@code path}: checks signatures with {@code secret}, waits {@code delay}, answers as {@code answer}. */
    WebhookReceiver route(String path, String secret, Duration delay, Answer answer) {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        server.createContext(path, exchange -> {
            try (exchange) {
                byte[] body = readAll(exchange.getRequestBody());
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                String timestamp = exchange.getRequestHeaders().getFirst("X-Tideline-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("X-Tideline-Signature");
                received.add(new Received(path, key, timestamp, signature, new String(body, StandardCharsets.UTF_8),
                        verifies(secret, timestamp, body, signature),
                        exchange.getRequestHeaders().getFirst("Content-Type"), Instant.now()));
                int nth = seen.computeIfAbsent(String.valueOf(key), k -> new AtomicInteger()).incrementAndGet();
                if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis());
                }
                answer(exchange, answer.status(key, nth));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What arrived at {@code path}, in order. */
    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** The receiver's own check: HMAC-SHA256 keyed with the secret, hex, and a timestamp at most 5 minutes old. */
    static boolean verifies(String secret, String timestamp, byte[] body, String signature) {
        if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
