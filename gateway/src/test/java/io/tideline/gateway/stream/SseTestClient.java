package io.tideline.gateway.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
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
    private Flow.Subscription subscription;

    private SseTestClient(HttpResponse<Void> response) {
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
        LineReader reader = new LineReader();
        try {
            HttpResponse<Void> response = HTTP.sendAsync(request.build(),
                    info -> info.statusCode() == 200 ? HttpResponse.BodySubscribers.fromLineSubscriber(reader)
                            : HttpResponse.BodySubscribers.replacing(null)).get(30, TimeUnit.SECONDS);
            SseTestClient client = new SseTestClient(response);
            reader.client.complete(client);
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the stream", e);
        }
    }

    /** The answer of a request that is refused: status and body, read whole. */
    static HttpResponse<String> refused(URI base, String query, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/stream" + (query.isEmpty() ? ""
                : "?" + query))).timeout(Duration.ofSeconds(10)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** Splits the body into lines, and lines into events (id, event, data; a blank line dispatches). */
    private static final class LineReader implements Flow.Subscriber<String> {

        final CompletableFuture<SseTestClient> client = new CompletableFuture<>();
        private String id;
        private String name;
        private StringBuilder data;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            client.thenAccept(c -> c.subscription = s);
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            SseTestClient c = client.join();
            if (line.isEmpty()) {
                if (data != null) {
                    c.events.add(new Event(id, name, data.toString()));
                }
                name = null;
                data = null;
                return;
            }
            if (line.startsWith(":")) {
                c.comments.incrementAndGet();
                return;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> name = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // retry and unknown fields: not used by this stream
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            client.join().ended.set(true);
        }

        @Override
        public void onComplete() {
            client.join().ended.set(true);
        }
    }
}
