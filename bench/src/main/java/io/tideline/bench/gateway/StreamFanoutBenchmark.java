package io.tideline.bench.gateway;

import io.tideline.bench.lp.LoadAverage;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.alert.AlertSeverity;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's live stream fanned out to many SSE clients: the packaged gateway (a fresh database, the broker),
 * AlertRaised events published to Kafka at a fixed rate (open loop), read back by N concurrent SSE clients over HTTP.
 * Each event carries the {@code System.nanoTime()} of its send in its alert id, so the latency from the producer's
 * send to a client's receipt is measured in this one JVM. The same run measures 1 client first, as the baseline.
 * Args: [clients = 1000] [events per second = 100] [seconds = 20] [warm-up seconds = 5].
 */
public final class StreamFanoutBenchmark {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final String MARK = "\"alertId\":\"bench-";
    /** Latency histogram: 100 µs buckets up to 30 s. */
    private static final int BUCKET_MICROS = 100;
    private static final int BUCKETS = 300_000;
    private static final int CLIENTS_PER_HTTP_CLIENT = 100;

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new ByteArraySerializer());
    /** The sends counted: those between these two nanoTimes (events of the warm-up that arrive late are not). */
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;
    private AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
    private final LongAdder received = new LongAdder();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicBoolean probed = new AtomicBoolean();
    private URI stream;

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        new StreamFanoutBenchmark().run(clients, rate, seconds, warmup);
        System.exit(0);
    }

    private void run(int clients, int rate, int seconds, int warmup) throws Exception {
        TestDatabase database = TestDatabase.create();
        Map<String, String> env = new HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        for (String upstream : List.of("LP_TRACKER", "PERP_HEDGER", "PNL_INGEST", "SETTLEMENT", "ANALYTICS",
                "ALERTING")) {
            env.put("TIDELINE_GATEWAY_UPSTREAMS_" + upstream + "_URL", "http://127.0.0.1:9"); // not called here
        }
        env.put("TIDELINE_GATEWAY_CALLER_TOKEN_SIGNING_KEY_LOCATION", TestTokens.signingKeyFile().toString());
        env.put("TIDELINE_GATEWAY_STREAM_MAX_STREAMS", Integer.toString(Math.max(5000, clients + 10)));
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        Path jar = Path.of("gateway", "target", "quarkus-app", "quarkus-run.jar");
        try (ServiceProcess gateway = ServiceProcess.start(jar, "1g", env)) {
            gateway.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(120));
            stream = URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/stream?topic=alerts");
            System.out.printf("gateway live stream fan-out: %d events/s offered, %d s after %d s warm-up, %d cores,"
                    + " load %s%n", rate, seconds, warmup, Runtime.getRuntime().availableProcessors(),
                    LoadAverage.read());
            awaitLive();
            phase("baseline", 1, rate, seconds, warmup);
            phase("fan-out", clients, rate, seconds, warmup);
            System.out.println("load after: " + LoadAverage.read());
        } finally {
            producer.close();
            database.drop();
        }
    }

    /** The stream reads from the latest offsets once its consumer has its partitions: wait until events arrive. */
    private void awaitLive() throws Exception {
        List<Connection> probe = connect(1, "probe");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!probed.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no event came through the stream in 90 s");
            }
            publish(1);
            Thread.sleep(500);
        }
        probe.forEach(Connection::close);
    }

    private void phase(String name, int clients, int rate, int seconds, int warmup) throws Exception {
        long openStart = System.nanoTime();
        List<Connection> connections = connect(clients, name);
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        drive(rate, warmup);
        histogram = new AtomicLongArray(BUCKETS);
        received.reset();
        ended.set(0);
        long start = System.nanoTime();
        measureUntil = Long.MAX_VALUE;
        measureFrom = start;
        int sent = drive(rate, seconds);
        long end = System.nanoTime();
        measureUntil = end;
        double took = (end - start) / 1e9;
        long expected = (long) sent * clients;
        // the last events' way through: until all came, or nothing more came for 3 s
        long last = -1;
        long quietSince = System.nanoTime();
        while (received.sum() < expected && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(3)) {
            Thread.sleep(100);
            if (received.sum() != last) {
                last = received.sum();
                quietSince = System.nanoTime();
            }
        }
        double drained = (System.nanoTime() - end) / 1e9;
        measureFrom = Long.MAX_VALUE;
        long got = received.sum();
        System.out.printf("%-8s %5d clients (opened in %.1f s): sent %d events in %.1f s (%.0f/s); delivered %d of"
                        + " %d (%.2f %%; the last %.1f s after the sends), %.0f events/s to all clients; latency send->receipt p50 %s p90 %s p99 %s"
                        + " max %s; streams ended by the gateway %d; load %s%n", name, clients, openSeconds, sent,
                took, sent / took, got, expected, 100.0 * got / expected, drained, got / (took + drained), percentile(0.50),
                percentile(0.90), percentile(0.99), percentile(1.0), ended.get(), LoadAverage.read());
        connections.forEach(Connection::close);
        Thread.sleep(1000);
    }

    /** Publishes at the given rate for the duration (open loop); returns how many were sent. */
    private int drive(int rate, int seconds) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int count = 0;
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            publish(1);
            count++;
        }
        return count;
    }

    private void publish(int n) {
        for (int i = 0; i < n; i++) {
            long sentAt = System.nanoTime();
            String subject = "bench-subject-" + (sentAt % 64);
            EventEnvelope<AlertRaised> event = EventEnvelope.of("alerting", subject, null, new AlertRaised(
                    "bench-" + sentAt, "bench-rule", AlertSeverity.LOW, subject, "bench", "a benchmark alert",
                    Instant.now(), null));
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), subject, CODEC.encode(event)));
        }
    }

    private List<Connection> connect(int clients, String name) throws Exception {
        List<HttpClient> http = new ArrayList<>();
        for (int i = 0; i < (clients + CLIENTS_PER_HTTP_CLIENT - 1) / CLIENTS_PER_HTTP_CLIENT; i++) {
            http.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build());
        }
        List<Connection> connections = new ArrayList<>();
        List<CompletableFuture<Void>> opened = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Connection c = new Connection();
            connections.add(c);
            Instant now = Instant.now();
            String token = new TestTokens.Token("bench-" + name + "-" + i, "viewer", TestTokens.ISSUER,
                    TestTokens.AUDIENCE, now, now.plus(Duration.ofHours(1)), false).sign();
            HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").GET().build();
            http.get(i / CLIENTS_PER_HTTP_CLIENT).sendAsync(request, info -> {
                if (info.statusCode() != 200) {
                    throw new IllegalStateException("stream refused: " + info.statusCode());
                }
                return HttpResponse.BodySubscribers.fromLineSubscriber(c);
            }).whenComplete((r, e) -> {
                if (e != null && !c.closed) {
                    System.out.println("a stream failed: " + e);
                }
            });
            opened.add(c.subscribed);
        }
        CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        return connections;
    }

    private String percentile(double p) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += histogram.get(i);
        }
        if (total == 0) {
            return "-";
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) {
                double ms = (i + 1) * BUCKET_MICROS / 1000.0;
                return String.format("%.1f ms", ms);
            }
        }
        return "-";
    }

    /** One SSE client: counts the events it receives and their latency. */
    private final class Connection implements Flow.Subscriber<String> {

        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        volatile boolean closed;
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
            subscribed.complete(null);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            long now = System.nanoTime();
            int at = line.indexOf(MARK);
            if (at < 0) {
                return;
            }
            int from = at + MARK.length();
            long sentAt = Long.parseLong(line, from, line.indexOf('"', from), 10);
            probed.set(true);
            if (sentAt < measureFrom || sentAt >= measureUntil) {
                return;
            }
            received.increment();
            long micros = (now - sentAt) / 1000;
            histogram.incrementAndGet((int) Math.min(BUCKETS - 1, micros / BUCKET_MICROS));
        }

        @Override
        public void onError(Throwable throwable) {
            if (!closed) {
                ended.incrementAndGet();
            }
        }

        @Override
        public void onComplete() {
            if (!closed) {
                ended.incrementAndGet();
            }
        }

        void close() {
            closed = true;
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
