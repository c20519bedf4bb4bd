package io.tideline.extended;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Blocking calls to Extended's REST API: sends {@code X-Api-Key} (and the {@code User-Agent} Extended requires),
 * unwraps the {@code {status, data, error{code, message}}} envelope and turns failures into this module's exceptions:
 * 429, 5xx, timeouts and I/O errors are {@link ExtendedUnavailableException}; any other 4xx, or an envelope with
 * {@code status: ERROR}, is a {@link ExtendedRejectedException} with the envelope's code and message.
 */
final class ExtendedRestClient {

    private static final int LONGEST_BODY_IN_MESSAGE = 300;

    private final ExtendedSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private final String userAgent;

    /** @param userAgent names the calling service, e.g. {@code tideline-perp-hedger} (Extended requires one) */
    ExtendedRestClient(ExtendedSettings settings, ObjectMapper json, String userAgent) {
        this.settings = settings;
        this.json = json;
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("the User-Agent sent to Extended must be set");
        }
        this.userAgent = userAgent;
        // HTTP/1.1: the JDK's default offers a cleartext HTTP/2 upgrade that some stand-in servers refuse
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout())
                .build();
    }

    /** The {@code data} of {@code GET path}. */
    JsonNode get(String pathAndQuery) {
        return exchange(request(pathAndQuery).GET().build(), "GET " + pathAndQuery, false).orElseThrow();
    }

    /** The {@code data} of {@code GET path}, or empty when Extended answers 404. */
    Optional<JsonNode> getUnlessNotFound(String pathAndQuery) {
        return exchange(request(pathAndQuery).GET().build(), "GET " + pathAndQuery, true);
    }

    /** The {@code data} of {@code POST path} with a JSON body. */
    JsonNode post(String path, JsonNode body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the body of POST " + path, e);
        }
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build();
        return exchange(request, "POST " + path, false).orElseThrow();
    }

    /** The {@code data} of {@code DELETE path} (often empty). */
    JsonNode delete(String path) {
        return exchange(request(path).DELETE().build(), "DELETE " + path, false).orElseThrow();
    }

    /** A path segment or query value, percent-encoded ({@code %20} for a space, not {@code +}). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(settings.root() + pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("X-Api-Key", settings.apiKey())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
    }

    private Optional<JsonNode> exchange(HttpRequest request, String what, boolean notFoundIsAbsent) {
        HttpResponse<String> response = send(request, what);
        int status = response.statusCode();
        if (status == 404 && notFoundIsAbsent) {
            return Optional.empty();
        }
        if (status == 429 || status >= 500) {
            throw new ExtendedUnavailableException(status, "Extended answered " + what + " with HTTP " + status + ": "
                    + errorText(response.body()), null);
        }
        if (status >= 400) {
            JsonNode error = envelope(response.body()).map(e -> e.path("error")).orElse(null);
            throw rejected(status, what, error, response.body());
        }
        if (status < 200 || status >= 300) {
            throw new ExtendedUnavailableException(status, "Extended answered " + what + " with HTTP " + status, null);
        }
        JsonNode envelope = envelope(response.body()).orElseThrow(() -> new ExtendedUnavailableException(status,
                "Extended answered " + what + " with an unreadable body: " + excerpt(response.body()), null));
        if ("ERROR".equalsIgnoreCase(envelope.path("status").asText())) {
            throw rejected(status, what, envelope.path("error"), response.body());
        }
        return Optional.of(envelope.path("data"));
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ExtendedUnavailableException(0, "Extended did not answer " + what + " within "
                    + settings.requestTimeout(), e);
        } catch (IOException e) {
            throw new ExtendedUnavailableException(0, "Extended could not be reached for " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtendedUnavailableException(0, "interrupted while waiting for Extended to answer " + what, e);
        }
    }

    private Optional<JsonNode> envelope(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static ExtendedRejectedException rejected(int status, String what, JsonNode error, String body) {
        boolean hasError = error != null && error.isObject();
        String code = hasError && error.hasNonNull("code") ? error.get("code").asText() : null;
        String message = hasError && error.hasNonNull("message") ? error.get("message").asText() : excerpt(body);
        return new ExtendedRejectedException(status, code, "Extended refused " + what + " (HTTP " + status
                + (code == null ? "" : ", code " + code) + "): " + message);
    }

    private String errorText(String body) {
        return envelope(body)
                .map(e -> e.path("error").path("message"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .orElseGet(() -> excerpt(body));
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        return body.length() <= LONGEST_BODY_IN_MESSAGE ? body : body.substring(0, LONGEST_BODY_IN_MESSAGE) + "…";
    }
}
