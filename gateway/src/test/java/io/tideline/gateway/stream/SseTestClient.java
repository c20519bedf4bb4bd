package io.tideline.gateway.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/** A real SSE client over the JDK's HTTP client: it parses the stream as a browser's EventSource does. */
final class SseTestClient implements AutoCloseable {

    /** One dispatched event. */
    record Event(String id, String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final int status;
    private final String contentType;
    private volatile Stream<String> body;
    private volatile String lastId;

    private SseTestClient(HttpResponse<?> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
    }

    /** Opens {@code /api/v1/stream?query} with these headers (name, value, ...); waits for the answer's head. */
    static SseTestClient open(URI base, String query, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/stream" + (query.isEmpty() ? ""
                : "?" + query))).header("Accept", "text/event-stream").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<Stream<String>> response = HTTP.sendAsync(request.build(),
                    HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
            SseTestClient client = new SseTestClient(response);
            client.body = response.body();
            Thread reader = new Thread(() -> client.read(response.body()), "sse-test-client");
            reader.setDaemon(true);
            reader.start();
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the stream", e);
        }
    }

    /** The status and body of a request that is expected to be refused (a stream that opens is closed at once). */
    static Refusal refused(URI base, String query, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/stream" + (query.isEmpty() ? ""
                : "?" + query))).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<java.io.InputStream> response = HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            String text = response.statusCode() == 200 ? "" : new String(body.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            return new Refusal(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(""), text);
        }
    }

    /** A refused request's answer. */
    record Refusal(int status, String contentType, String authenticate, String body) {
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** The events whose data holds this text (e.g. an event id): what a test sent, among whatever else came. */
    List<Event> eventsWith(String text) {
        return events.stream().filter(e -> e.data() != null && e.data().contains(text)).toList();
    }

    int comments() {
        return comments.get();
    }

    boolean ended() {
        return ended.get();
    }

    /** Waits until at least {@code n} events have come. */
    List<Event> awaitEvents(int n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events.size() >= n);
        return events();
    }

    @Override
    public void close() {
        Stream<String> lines = body;
        if (lines != null) {
            lines.close();
        }
    }

    /** Splits the body into events (id, event, data; a blank line dispatches) until it ends or is closed. */
    private void read(Stream<String> lines) {
        String[] current = new String[2]; // name, data
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (current[1] != null) {
                        events.add(new Event(lastId, current[0], current[1]));
                    }
                    current[0] = null;
                    current[1] = null;
                    return;
                }
                if (line.startsWith(":")) {
                    comments.incrementAndGet();
                    return;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> lastId = value;
                    case "event" -> current[0] = value;
                    case "data" -> current[1] = current[1] == null ? value : current[1] + "\n" + value;
                    default -> {
                        // retry and unknown fields: not used by this stream
                    }
                }
            });
        } catch (RuntimeException closed) {
            // closed by the test, or by the server
        }
        ended.set(true);
    }
}
