package io.tideline.bench.alerting;

import io.tideline.bench.lp.LoadAverage;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.market.PriceObserved;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The packaged alerting service under price events with 1,000 active rules: INSTRUMENTS instruments with LEVELS
 * PRICE_CROSSES rules each (levels 100, 110, ... 190, UP, no cooldown). Each instrument's price wanders below every
 * level (95 to 99.99); one event in CYCLE jumps to 195 (crossing all its levels: LEVELS alerts raised) and the next
 * falls back (LEVELS alerts resolved), so most events only move a price, as on a desk.
 * <ol>
 *   <li>Capacity: the service is stopped, a backlog of N events is put on {@code market.prices}, the service is
 *   started again, and the time from its consumer's first committed offset to its last is measured (committed
 *   offsets of {@code alerting.evaluation}, read with the admin client).</li>
 *   <li>Latency: events at a fixed offered rate (open loop) for S seconds, each raising event timed from its send to
 *   its AlertRaised read back from {@code alerts} (through the outbox relay: what a consumer of alerts sees).</li>
 * </ol>
 * Args: [backlog events = 100000] [latency rates, comma-separated = 10000,2000] [seconds = 20].
 */
public final class AlertingRulesBenchmark {

    private static final int INSTRUMENTS = 100;
    private static final int LEVELS = 10;
    private static final int CYCLE = 50;
    private static final String GROUP = "alerting.evaluation";
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String runId = Long.toString(System.nanoTime(), 36);
    private final long[] steps = new long[INSTRUMENTS];
    private final Map<UUID, Long> raisingSentAt = new ConcurrentHashMap<>();
    private final AtomicLong raisingSent = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> raisedMicros = new ConcurrentLinkedQueue<>();
    private final AtomicLong raisedSeen = new AtomicLong();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private KafkaProducer<String, byte[]> producer;

    public static void main(String[] args) throws Exception {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Integer> rates = Arrays.stream((args.length > 1 ? args[1] : "10000,2000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        new AlertingRulesBenchmark().run(backlog, rates, seconds);
        System.exit(0);
    }

    private void run(int backlog, List<Integer> rates, int seconds) throws Exception {
        TestDatabase database = TestDatabase.create();
        Map<String, String> env = new HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        Path jar = Path.of("alerting", "target", "quarkus-app", "quarkus-run.jar");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 1, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            System.out.printf(Locale.ROOT, "alerting rules: %d PRICE_CROSSES rules (%d instruments x %d levels),"
                    + " 1 event in %d raises %d alerts and the next resolves them; %d cores, load %s%n",
                    INSTRUMENTS * LEVELS, INSTRUMENTS, LEVELS, CYCLE, LEVELS,
                    Runtime.getRuntime().availableProcessors(), LoadAverage.read());
            try (ServiceProcess service = start(jar, env)) {
                createRules(service.port());
                awaitCaughtUp(admin, Duration.ofMinutes(5)); // whatever the broker held from before this run
            }
            capacity(admin, jar, env, backlog, Load.UNWATCHED); // the baseline: the same consumer, no rule looked at
            capacity(admin, jar, env, backlog, Load.QUIET);
            capacity(admin, jar, env, backlog, Load.FIRING);
            try (ServiceProcess service = start(jar, env)) {
                awaitCaughtUp(admin, Duration.ofMinutes(5));
                Thread reader = startReader();
                for (int rate : rates) {
                    latency(admin, rate, seconds);
                }
                running.set(false);
                reader.join(5000);
                JsonNode stats = JSON.readTree(service.body("/api/v1/alerts/stats"));
                System.out.printf(Locale.ROOT, "the service's alert stats: %s alerts, %s unresolved, mean %s s to"
                        + " resolve%n", stats.path("alerts").asText(), stats.path("unresolved").asText(),
                        stats.path("meanSecondsToResolve").asText());
            }
            System.out.println("load after: " + LoadAverage.read());
        } finally {
            producer.close();
            if (System.getenv("BENCH_KEEP_DATABASE") == null) {
                database.drop();
            } else {
                System.out.println("database kept: " + database.name());
            }
        }
    }

    /** What a backlog's prices do. */
    private enum Load {
        /** On instruments no rule watches: the baseline, what consuming, decoding and recording an event costs. */
        UNWATCHED("baseline: instruments no rule watches"),
        /** On watched instruments (10 rules each), never crossing a level: evaluation alone. */
        QUIET("10 rules per instrument, no level crossed"),
        /** As QUIET, but 1 event in 50 crosses its 10 levels (10 alerts raised) and the next crosses back. */
        FIRING("10 rules per instrument, 1 event in 50 raises 10 alerts and the next resolves them");

        private final String text;

        Load(String text) {
            this.text = text;
        }
    }

    /** Times the evaluation of a backlog of price events of one load. */
    private void capacity(Admin admin, Path jar, Map<String, String> env, int backlog, Load load)
            throws Exception {
        String what = load.text;
        Map<TopicPartition, Long> before = committed(admin);
        for (int i = 0; i < backlog; i++) {
            send(i % INSTRUMENTS, false, load);
        }
        producer.flush();
        Map<TopicPartition, Long> end = endOffsets(admin);
        System.out.printf(Locale.ROOT, "capacity (%s): %d events put on %s while the service was down;"
                + " starting it%n", what, backlog, Topics.MARKET_PRICES.name());
        try (ServiceProcess service = start(jar, env)) {
            long first = 0;
            long last;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (true) {
                Map<TopicPartition, Long> now = committed(admin);
                long moved = 0;
                long behind = 0;
                for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                    long at = now.getOrDefault(e.getKey(), 0L);
                    moved += at - before.getOrDefault(e.getKey(), 0L);
                    behind += Math.max(0, e.getValue() - at);
                }
                if (first == 0 && moved > 0) {
                    first = System.nanoTime();
                }
                if (behind == 0) {
                    last = System.nanoTime();
                    break;
                }
                if (System.nanoTime() > deadline || !service.isAlive()) {
                    throw new IllegalStateException("the backlog was not evaluated in time: " + behind
                            + " behind\n" + service.output());
                }
                Thread.sleep(50);
            }
            double took = (last - first) / 1e9;
            System.out.printf(Locale.ROOT, "capacity (%s): %d events evaluated in %.2f s (first to last committed"
                    + " offset): %.0f events/s%n", what, backlog, took, backlog / took);
        }
    }

    private void latency(Admin admin, int rate, int seconds) throws Exception {
        raisedMicros.clear();
        raisingSentAt.clear();
        raisingSent.set(0);
        measuring.set(true);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int sent = 0;
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            send(sent % INSTRUMENTS, true, Load.FIRING);
            sent++;
        }
        double offeredFor = (System.nanoTime() - start) / 1e9;
        Duration drain = awaitCaughtUp(admin, Duration.ofMinutes(5));
        Thread.sleep(2000); // the relay publishes the last alerts
        measuring.set(false);
        double[] ms = raisedMicros.stream().mapToDouble(m -> m / 1000.0).toArray();
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "latency at %d events/s offered (%.0f sent/s achieved, %d events in %.1f s;"
                + " caught up %.1f s after the last): event -> AlertRaised on %s ms: p50 %.1f  p90 %.1f  p99 %.1f"
                + "  max %.1f  (%d raising events, %d alerts timed)%n", rate, sent / offeredFor, sent, offeredFor,
                drain.toMillis() / 1000.0, Topics.ALERTS.name(), p(ms, 0.5), p(ms, 0.9), p(ms, 0.99), p(ms, 1),
                raisingSent.get(), ms.length);
        boolean meets = p(ms, 0.99) < 100 && sent / offeredFor >= rate * 0.98 && drain.toMillis() < 1000;
        System.out.printf(Locale.ROOT, "aim (%d events/s, p99 < 100 ms): %s%n", rate, meets ? "meets" : "MISSES");
    }

    /** The next price of an instrument: below every level, or above them all once per cycle, then back. */
    private void send(int instrument, boolean timed, Load load) {
        long step = steps[instrument]++;
        boolean raising = load == Load.FIRING && step % CYCLE == CYCLE - 2;
        BigDecimal price = raising ? new BigDecimal("195") : BigDecimal.valueOf(9500 + step % 500, 2);
        String symbol = load == Load.UNWATCHED ? "U" + instrument(instrument) : instrument(instrument);
        PriceObserved observed = new PriceObserved("bench", symbol, price, null, null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        EventEnvelope<PriceObserved> event = EventEnvelope.of("bench", symbol, null, observed);
        if (raising && timed) {
            raisingSent.incrementAndGet();
            raisingSentAt.put(event.eventId(), System.nanoTime());
        }
        producer.send(new ProducerRecord<>(Topics.MARKET_PRICES.name(), symbol, CODEC.encode(event)));
    }

    private String instrument(int i) {
        return String.format(Locale.ROOT, "B%s-%03d", runId, i);
    }

    private void createRules(int port) throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < INSTRUMENTS; i++) {
            for (int l = 0; l < LEVELS; l++) {
                String body = String.format(Locale.ROOT, "{\"ruleId\":\"b-%03d-%02d\",\"name\":\"%s over %d\","
                        + "\"kind\":\"PRICE_CROSSES\",\"params\":{\"instrument\":\"%s\",\"level\":\"%d\","
                        + "\"direction\":\"UP\"},\"severity\":\"MEDIUM\",\"cooldownSeconds\":0}", i, l,
                        instrument(i), 100 + 10 * l, instrument(i), 100 + 10 * l);
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/alert-rules")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.bearer("admin"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("rule " + i + "/" + l + ": " + r.statusCode() + " " + r.body());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d rules created in %.1f s%n", INSTRUMENTS * LEVELS,
                (System.nanoTime() - started) / 1e9);
    }

    private static ServiceProcess start(Path jar, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(jar, "1g", env);
        try {
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(120));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** Waits until the evaluation consumer has committed the end of every partition of market.prices. */
    private static Duration awaitCaughtUp(Admin admin, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Map<TopicPartition, Long> end = endOffsets(admin);
        while (true) {
            Map<TopicPartition, Long> now = committed(admin);
            boolean caughtUp = end.entrySet().stream()
                    .allMatch(e -> now.getOrDefault(e.getKey(), 0L) >= e.getValue());
            if (caughtUp) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("alerting did not catch up with " + Topics.MARKET_PRICES.name()
                        + " within " + timeout + ": committed " + now + ", end " + end);
            }
            Thread.sleep(50);
        }
    }

    private static List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.MARKET_PRICES.partitions(); p++) {
            partitions.add(new TopicPartition(Topics.MARKET_PRICES.name(), p));
        }
        return partitions;
    }

    private static Map<TopicPartition, Long> committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        offsets.forEach((tp, o) -> {
            if (o != null && tp.topic().equals(Topics.MARKET_PRICES.name())) {
                out.put(tp, o.offset());
            }
        });
        return out;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        for (TopicPartition tp : partitions()) {
            specs.put(tp, OffsetSpec.latest());
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(specs).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private Thread startReader() throws InterruptedException {
        CountDownLatch assigned = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.ALERTS.name()));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.assignment().forEach(consumer::position);
                assigned.countDown();
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        EventEnvelope<?> event = CODEC.decode(record.value());
                        if (event.payload() instanceof AlertRaised raised && raised.ruleId().startsWith("b-")
                                && measuring.get()) {
                            raisedSeen.incrementAndGet();
                            Long sent = raisingSentAt.get(raised.sourceEventId());
                            if (sent != null) {
                                raisedMicros.add((now - sent) / 1000);
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }, "alerts-reader");
        reader.setDaemon(true);
        reader.start();
        if (!assigned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no partitions of " + Topics.ALERTS.name() + " assigned");
        }
        return reader;
    }

    private static double p(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
