package io.tideline.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the local receivers (the SMTP server and the webhook receiver alerting delivers to) took in, read from their
 * HTTP side: each notification with its idempotency key and how often it arrived.
 */
public final class Receivers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Receivers(URI base) {
        this.base = base;
    }

    /** The mail received for one alert: entries whose idempotency key starts with the alert's id. */
    public List<JsonNode> mailFor(String alertId) {
        return entriesFor(read("/mail"), alertId);
    }

    /** The webhooks received for one alert. */
    public List<JsonNode> webhooksFor(String alertId) {
        return entriesFor(read("/webhooks/alerts"), alertId);
    }

    /** Every webhook received, and the refused requests (bad signature, stale timestamp). */
    public JsonNode webhooks() {
        return read("/webhooks/alerts");
    }

    public JsonNode mail() {
        return read("/mail");
    }

    private static List<JsonNode> entriesFor(JsonNode snapshot, String alertId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : snapshot.path("received")) {
            if (entry.path("idempotencyKey").asText().startsWith(alertId + ":")) {
                found.add(entry);
            }
        }
        return found;
    }

    private JsonNode read(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Gateway.CallFailed("the receivers answered " + response.statusCode() + " on " + path,
                        response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new Gateway.CallFailed("the receivers at " + base + " did not answer (./platform up starts them): "
                    + e.getMessage(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Gateway.CallFailed("interrupted", 0);
        }
    }
}
