package io.tideline.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The gateway's live stream ({@code GET /api/v1/stream}, server-sent events) as the dashboard follows it: opened with
 * a viewer's token at the start of the scenario, every event's envelope kept so that a step can ask whether the
 * platform pushed what it expected.
 */
public final class LiveStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> events = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> connection;

    public LiveStream(Gateway gateway) {
        HttpRequest request = HttpRequest.newBuilder(gateway.base().resolve("/api/v1/stream"))
                .header("Authorization", "Bearer " + gateway.token(Gateway.Role.VIEWER))
                .header("Accept", "text/event-stream").GET().build();
        this.connection = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        connection.thenAccept(response -> {
            if (response.statusCode() == 200) {
                response.body().filter(line -> line.startsWith("data:")).forEach(this::keep);
            }
        });
    }

    private void keep(String line) {
        try {
            JsonNode data = JSON.readTree(line.substring("data:".length()).trim());
            // {"topic", "partition", "offset", "event": the envelope} (gateway/README.md, "Live stream")
            JsonNode envelope = data.has("event") ? data.get("event") : data;
            synchronized (events) {
                events.add(envelope);
            }
        } catch (IOException e) {
            // not an envelope (a comment or a keep-alive): nothing to keep
        }
    }

    /** The first event of this type whose payload matches, or null. */
    public JsonNode find(String type, Predicate<JsonNode> payload) {
        synchronized (events) {
            for (JsonNode e : events) {
                if (type.equals(e.path("type").asText()) && payload.test(e.path("payload"))) {
                    return e;
                }
            }
        }
        return null;
    }

    public int size() {
        synchronized (events) {
            return events.size();
        }
    }

    @Override
    public void close() {
        connection.thenAccept(response -> response.body().close());
        connection.cancel(true);
    }
}
