package io.tideline.e2e.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A service's heap from its Prometheus metrics ({@code /q/metrics}): the heap in use now, and the old generation in
 * use — what survived the young collections, the figure a leak makes grow (G1's live-data gauge stays 0 until a full
 * collection, which a healthy service may never need).
 */
final class ServiceMemory {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String token;

    ServiceMemory(String token) {
        this.token = token;
    }

    /** Megabytes: {heap used, old generation used}; -1 where the service did not answer. */
    long[] read(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/q/metrics")).timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
            double heap = 0;
            double old = -1;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += value(line);
                    if (line.contains("Old Gen") || line.contains("Tenured")) {
                        old = Math.max(old, 0) + value(line);
                    }
                }
            }
            return new long[] {Math.round(heap / 1_048_576), old < 0 ? -1 : Math.round(old / 1_048_576)};
        } catch (Exception e) {
            return new long[] {-1, -1};
        }
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
