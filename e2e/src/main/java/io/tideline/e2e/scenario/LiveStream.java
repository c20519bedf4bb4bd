package io.tideline.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The gateway's live stream ({@code GET /api/v1/stream}, server-sent events) as the dashboard follows it: opened with
 * a viewer's token at the start of the scenario and kept open, every event's envelope kept so that a step can ask
 * whether the platform pushed what it expected. When the connection drops (a gateway restarted) it reconnects with
 * {@code Last-Event-ID}; an {@code event: missed} answer (the gateway could not replay the gap) is counted, as a
 * client must then read the state over REST.
 */
public final class LiveStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Gateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> events = new ArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;
    private volatile String lastEventId;
    private volatile int gaps;
    private volatile int connections;
    private volatile Stream<String> current;

    public LiveStream(Gateway gateway) {
        this.gateway = gateway;
        this.reader = new Thread(this::follow, "e2e-live-stream");
        reader.setDaemon(true);
        reader.start();
    }

    private void follow() {
        while (open) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(gateway.base().resolve("/api/v1/stream"))
                        .header("Authorization", "Bearer " + gateway.token(Gateway.Role.VIEWER))
                        .header("Accept", "text/event-stream").GET();
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() == 200) {
                    connections++;
                    current = response.body();
                    read(response.body().iterator());
                } else {
                    response.body().close();
                }
            } catch (IOException | RuntimeException e) {
                // the gateway is away or dropped the stream: connect again below
            } catch (InterruptedException e) {
                return;
            }
            pause();
        }
    }

    private void read(Iterator<String> lines) {
        String event = null;
        while (open && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("id:")) {
                lastEventId = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                if ("missed".equals(event)) {
                    gaps++;
                } else {
                    keep(line.substring(5).trim());
                }
            } else if (line.isEmpty()) {
                event = null;
            }
        }
    }

    private void keep(String data) {
        try {
            JsonNode parsed = JSON.readTree(data);
            // {"topic", "partition", "offset", "event": the envelope} (gateway/README.md, "Live stream")
            JsonNode envelope = parsed.has("event") ? parsed.get("event") : parsed;
            synchronized (events) {
                events.add(envelope);
            }
        } catch (IOException e) {
            // not an envelope: nothing to keep
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
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

    /** How often the gateway said it could not replay what the stream missed while it was away. */
    public int gaps() {
        return gaps;
    }

    public int connections() {
        return connections;
    }

    @Override
    public void close() {
        open = false;
        Stream<String> body = current;
        if (body != null) {
            body.close();
        }
        reader.interrupt();
    }
}
