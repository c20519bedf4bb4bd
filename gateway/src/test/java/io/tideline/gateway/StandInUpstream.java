package io.tideline.gateway;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server standing in for the services behind the gateway: it answers every request with what it received
 * (method, raw path and query, headers, the body's bytes in base64) as JSON, so a test sees through the gateway exactly
 * what an upstream would get. {@code /api/v1/stats} answers 500 problem+json, as a failing service would;
 * {@code /api/v1/webhooks/inbox} reports the backlog a test sets ({@link #BACKLOG_CONTROL}); {@code /q/openapi}
 * answers a bearer's request with a small OpenAPI document shaped like the services' ({@code stand-in-openapi.json}:
 * routes of several services, one schema name used by two of them, a route the gateway never forwards).
 */
final class StandInUpstream implements AutoCloseable {

    /** {@code PUT} a number here: the pending deliveries {@code /api/v1/webhooks/inbox} reports from then on. */
    static final String BACKLOG_CONTROL = "/stand-in/backlog";

    private final HttpServer server;

    private StandInUpstream(HttpServer server) {
        this.server = server;
    }

    static StandInUpstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicLong pending = new AtomicLong();
            server.createContext(BACKLOG_CONTROL, exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    pending.set(Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim()));
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.createContext("/api/v1/webhooks/inbox", exchange -> {
                byte[] out = ("{\"pending\":" + pending.get() + ",\"setAside\":0}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            });
            server.createContext("/q/openapi", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                byte[] out;
                try (InputStream document = StandInUpstream.class.getResourceAsStream("/stand-in-openapi.json")) {
                    out = document.readAllBytes();
                }
                if (authorization == null || !authorization.startsWith("Bearer ")) {
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            });
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT),
                        String.join(",", v)));
                String path = exchange.getRequestURI().getRawPath();
                int status = path.equals("/api/v1/stats") ? 500 : 200;
                String json = status == 500
                        ? "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}"
                        : "{\"method\":" + quote(exchange.getRequestMethod()) + ",\"path\":" + quote(path)
                        + ",\"query\":" + quote(exchange.getRequestURI().getRawQuery())
                        + ",\"body\":" + quote(Base64.getEncoder().encodeToString(body))
                        + ",\"headers\":{" + String.join(",", headers.entrySet().stream()
                        .map(e -> quote(e.getKey()) + ":" + quote(e.getValue())).toList()) + "}}";
                byte[] out = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type",
                        status == 500 ? "application/problem+json" : "application/json");
                exchange.getResponseHeaders().add("X-Internal-Detail", "not for callers");
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                    return;
                }
                exchange.sendResponseHeaders(status, out.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            });
            server.start();
            return new StandInUpstream(server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
