package io.tideline.gateway.admin.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.gateway.admin.health.HealthReport.Check;
import io.tideline.gateway.admin.health.HealthReport.ConsumerState;
import io.tideline.gateway.admin.health.HealthReport.ServiceHealth;
import io.tideline.gateway.auth.CallerTokens;
import io.tideline.gateway.route.Upstream;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks one service, both at once, for its readiness ({@code /q/health/ready}) and its messaging state
 * ({@code /api/v1/messaging}, with the gateway's own viewer token), each bounded by the timeout. Its own HTTP client,
 * not the proxy's: a health read neither waits for the proxy's retries nor counts against its circuit breakers.
 */
@ApplicationScoped
public class ServiceProbe {

    private final HttpClient http;
    private final CallerTokens tokens;
    private final ObjectMapper json;

    public ServiceProbe(CallerTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The service's health, never failing: a service that does not answer in time is DOWN with the reason. */
    public CompletableFuture<ServiceHealth> probe(Upstream upstream, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> ready = get(upstream, "/q/health/ready", timeout);
        CompletableFuture<HttpResponse<byte[]>> messaging = get(upstream, "/api/v1/messaging", timeout);
        return ready.handle(Answer::new).thenCombine(messaging.handle(Answer::new),
                (r, m) -> assemble(upstream, timeout, r, m));
    }

    private CompletableFuture<HttpResponse<byte[]>> get(Upstream upstream, String path, Duration timeout) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(
                    upstream.url().toString().replaceAll("/+$", "") + path))
                    .timeout(timeout).header("Accept", "application/json").GET();
            if (!path.startsWith("/q/")) {
                builder.header("Authorization", tokens.bearerForGateway());
            }
            request = builder.build();
        } catch (RuntimeException e) {
            // no signing key (the gateway cannot vouch for itself): the messaging state stays unknown
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An HTTP answer, or why there was none. */
    private record Answer(HttpResponse<byte[]> response, Throwable error) {
    }

    private ServiceHealth assemble(Upstream upstream, Duration timeout, Answer readiness, Answer messagingAnswer) {
        if (readiness.response() == null) {
            return ServiceHealth.down(upstream.name(), "no answer: " + why(readiness.error(), timeout));
        }
        HttpResponse<byte[]> ready = readiness.response();
        HttpResponse<byte[]> messaging = messagingAnswer.response();
        JsonNode readyBody = parse(ready.body());
        List<Check> checks = new ArrayList<>();
        if (readyBody != null && readyBody.path("checks").isArray()) {
            for (JsonNode c : readyBody.path("checks")) {
                checks.add(new Check(c.path("name").asText(), c.path("status").asText()));
            }
        }
        String status = ready.statusCode() == 200 ? "UP" : "DOWN";
        String reason = status.equals("UP") ? null : "not ready (HTTP " + ready.statusCode() + ")"
                + checks.stream().filter(c -> !"UP".equals(c.status())).map(c -> " " + c.name()).reduce("",
                String::concat);
        JsonNode state = messaging != null && messaging.statusCode() == 200 ? parse(messaging.body()) : null;
        if (state == null) {
            return new ServiceHealth(upstream.name(), status, reason, checks, null, null, List.of(), null);
        }
        List<ConsumerState> consumers = new ArrayList<>();
        for (JsonNode c : state.path("consumers")) {
            consumers.add(new ConsumerState(c.path("consumer").asText(), c.path("state").asText(),
                    c.path("applied").asLong(), c.path("deadLettered").asLong()));
        }
        JsonNode backlog = state.get("outboxBacklog");
        return new ServiceHealth(upstream.name(), status, reason, checks, state.path("relay").path("state").asText(null),
                backlog != null && backlog.canConvertToLong() ? backlog.asLong() : null, consumers,
                state.path("parkedKeys").isArray() ? state.path("parkedKeys").size() : null);
    }

    private JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static String why(Throwable error, Duration timeout) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "none within " + timeout.toMillis() + " ms";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
