package io.tideline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Ethereum JSON-RPC over HTTP with the JDK's client, for test helpers that must not depend on web3j. */
public final class JsonRpcClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1: the JDK's default offers a cleartext HTTP/2 upgrade, which Hardhat's server answers with a 400. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final URI url;
    private final AtomicLong ids = new AtomicLong();

    public JsonRpcClient(String url) {
        this.url = URI.create(url);
    }

    /** The call's {@code result}; an {@code error} answer or a transport failure throws, naming the method. */
    public JsonNode call(String method, List<?> params) {
        ObjectNode request = JSON.createObjectNode()
                .put("jsonrpc", "2.0")
                .put("id", ids.incrementAndGet())
                .put("method", method);
        request.set("params", JSON.valueToTree(params));
        JsonNode answer;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " to " + url + " answered HTTP " + response.statusCode()
                        + ": " + response.body());
            }
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " to " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " to " + url + " interrupted", e);
        }
        if (answer.hasNonNull("error")) {
            throw new IllegalStateException(method + params + " failed at " + url + ": "
                    + answer.get("error").path("message").asText(answer.get("error").toString()));
        }
        return answer.path("result");
    }

    /** A hex quantity ({@code "0x1a"}) answer as a number. */
    public long callForLong(String method, List<?> params) {
        return Long.decode(call(method, params).asText());
    }
}
