package io.tideline.e2e.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many dashboards following the gateway's live stream at once: each client its own connection, reading every event;
 * counted together, with each event's delay from its {@code occurredAt} to its arrival here. A dropped connection is
 * opened again.
 */
final class SseClients {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicLong events = new AtomicLong();
    final Latencies delay = new Latencies();
    private volatile boolean open = true;

    /** {@code clients} readers, each with the next of the tokens (the gateway limits the streams of one caller). */
    SseClients(URI stream, java.util.List<String> tokens, int clients) {
        for (int i = 0; i < clients; i++) {
            String token = tokens.get(i % tokens.size());
            Thread t = new Thread(() -> follow(stream, token), "sse-client-" + i);
            t.setDaemon(true);
            t.start();
        }
    }

    private void follow(URI stream, String token) {
        while (open) {
            try {
                HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(stream)
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() == 200) {
                    connected.incrementAndGet();
                    try {
                        response.body().filter(l -> l.startsWith("data:")).forEach(this::arrived);
                    } finally {
                        connected.decrementAndGet();
                    }
                }
            } catch (Exception e) {
                // the gateway dropped or refused the stream: open it again
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void arrived(String line) {
        events.incrementAndGet();
        try {
            JsonNode data = JSON.readTree(line.substring(5).trim());
            JsonNode envelope = data.has("event") ? data.get("event") : data;
            Instant occurred = Instant.parse(envelope.path("occurredAt").asText());
            delay.add(Math.max(0, System.currentTimeMillis() - occurred.toEpochMilli()));
        } catch (Exception e) {
            // an event without a time: counted, not timed
        }
    }

    int connected() {
        return connected.get();
    }

    long takeEvents() {
        return events.getAndSet(0);
    }

    void close() {
        open = false;
    }
}
