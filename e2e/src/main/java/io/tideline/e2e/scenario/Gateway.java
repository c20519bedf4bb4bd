package io.tideline.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The platform's public API as a desk's client calls it: every request to the gateway, with the bearer token of the
 * role it needs (viewer reads, trader acts, admin configures). Answers are read as JSON; anything but a 2xx is a
 * {@link CallFailed} carrying the status and the problem+json body.
 */
public final class Gateway {

    public enum Role { VIEWER, TRADER, ADMIN }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Map<Role, String> tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration retryFor;

    /**
     * {@code retryFor}: how long a call is sent again while the platform does not answer it — no connection, or 502,
     * 503 or 504 from the gateway (a service restarting). Every call the scenarios make may be sent twice: reads, and
     * actions the platform makes idempotent (fills, runs, deliveries by id, rules by id).
     */
    public Gateway(URI base, Map<Role, String> tokens, Duration retryFor) {
        this.base = base;
        this.tokens = Map.copyOf(tokens);
        this.retryFor = retryFor;
    }

    public URI base() {
        return base;
    }

    public String token(Role role) {
        return tokens.get(role);
    }

    public JsonNode get(Role role, String path) {
        return json(send(authorized(role, path).GET().build()), path);
    }

    public JsonNode post(Role role, String path, Object body) {
        return json(send(authorized(role, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build()), path);
    }

    /** A GET whose answer is a file (a report): the response as bytes, after checking it is a 2xx. */
    public HttpResponse<byte[]> download(Role role, String path) {
        HttpResponse<byte[]> response = send(authorized(role, path).GET().build());
        requireSuccess(response, path);
        return response;
    }

    /** A POST without a token, with the caller's own headers (a signed webhook); the answer is returned whatever it is. */
    public HttpResponse<byte[]> postSigned(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpRequest.Builder authorized(Role role, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + tokens.get(role)).header("Accept", "application/json");
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        while (true) {
            HttpResponse<byte[]> response = null;
            CallFailed failure = null;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                failure = new CallFailed(request.method() + " " + request.uri().getPath() + ": " + e, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallFailed("interrupted: " + request.uri(), 0);
            }
            boolean unavailable = failure != null || response.statusCode() == 502 || response.statusCode() == 503
                    || response.statusCode() == 504;
            if (!unavailable || System.nanoTime() >= deadline) {
                if (failure != null) {
                    throw failure;
                }
                return response;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallFailed("interrupted: " + request.uri(), 0);
            }
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response, String path) {
        requireSuccess(response, path);
        try {
            return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CallFailed(path + " answered something that is not JSON: " + e.getMessage(), response.statusCode());
        }
    }

    private static void requireSuccess(HttpResponse<byte[]> response, String path) {
        if (response.statusCode() / 100 != 2) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new CallFailed(response.request().method() + " " + path + " answered " + response.statusCode()
                    + ": " + (body.length() > 400 ? body.substring(0, 400) + "…" : body), response.statusCode());
        }
    }

    static byte[] bytes(Object body) {
        try {
            return body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body as JSON", e);
        }
    }

    /** A call that did not answer 2xx, or did not answer. */
    public static final class CallFailed extends RuntimeException {

        private final int status;

        public CallFailed(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
