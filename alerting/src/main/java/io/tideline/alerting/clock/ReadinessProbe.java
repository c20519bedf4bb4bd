package io.tideline.alerting.clock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service whether it is ready ({@code GET <base>/q/health/ready}): ready only on a 200. */
public final class ReadinessProbe {

    /** One answer: ready or not, and what was seen. */
    public record Answer(boolean ready, String detail) {
    }

    private final HttpClient client;
    private final Duration timeout;

    public ReadinessProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Answer ask(String baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/q/health/ready"))
                    .timeout(timeout).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
            return new Answer(response.statusCode() == 200, "HTTP " + response.statusCode()
                    + (response.statusCode() == 200 ? "" : ": " + body.substring(0, Math.min(300, body.length()))));
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(false, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "interrupted");
        }
    }
}
