package io.tideline.bench.pnl;

import io.tideline.bench.ExtraEnvironment;
import io.tideline.bench.lp.LoadAverage;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Sustained signed-webhook ingest into the packaged pnl-ingest: Alchemy Address Activity deliveries of Polymarket
 * round trips (a buy: USDC out + shares in; then a sale: shares out + USDC in; two activities each) sent at a fixed
 * rate (open loop) over HTTP, each sale timed from its request to its PnlRealized read back from Kafka.
 * Args: [activities per second = 2000] [seconds = 30] [warm-up seconds = 60] [wallets = 200]. The warm-up is long
 * because the service's JIT compiler takes a large share of the two cores for its first ~50 s under load (ADR 0029).
 */
public final class PnlIngestWebhooksBenchmark {

    private static final String WEBHOOK = "wh_bench";
    private static final String KEY = "bench-signing-key";
    private static final String CTF = "0x4d97dcd97ec945f40cf65f87097ace5ea0476045";
    private static final String USDC = "0x2791bca1f2de4661ed88a30c99a7a9449aa84174";
    private static final String EXCHANGE = "0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e";
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    private static final String PATH = "/api/v1/webhooks/alchemy";
    private static final Pattern PENDING = Pattern.compile("\"pending\":(\\d+)");
    private static final long TIMEOUT_MILLIS = 10_000;

    /**
     * Vert.x's client on one event loop: the JDK's HttpClient took 1.3-1.9 of the two cores at 1,000 deliveries/s and
     * left the service one (bench/README.md); this one sends the same load for a fraction of that.
     */
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
            .setConnectTimeout(5_000).setIdleTimeout(0), new PoolOptions().setHttp1MaxSize(512));
    private final Map<String, Long> saleSentAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> realizedMicros = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> ackMicros = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    /** Deliveries refused with 503 (the service sheds load; Alchemy would send them again later) and how fast. */
    private final ConcurrentLinkedQueue<Long> shedMicros = new ConcurrentLinkedQueue<>();
    private final AtomicInteger measuredSales = new AtomicInteger();
    private final AtomicInteger eventsRead = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String runId = Long.toString(System.nanoTime(), 36);
    private int port;
    private long sequence;

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int wallets = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        new PnlIngestWebhooksBenchmark().run(rate, seconds, warmup, wallets);
        System.exit(0);
    }

    private void run(int rate, int seconds, int warmup, int walletCount) throws Exception {
        List<String> wallets = new ArrayList<>();
        for (int i = 0; i < walletCount; i++) {
            wallets.add(String.format("0x%040x", 0xbe00_0000L + i));
        }
        TestDatabase database = TestDatabase.create();
        Map<String, String> env = new java.util.HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("TIDELINE_PNL_WEBHOOKS_0__ID", WEBHOOK);
        env.put("TIDELINE_PNL_WEBHOOKS_0__SIGNING_KEY", KEY);
        env.put("TIDELINE_PNL_WALLETS", String.join(",", wallets));
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        // settings of this run, e.g. BENCH_PNL_ENV=TIDELINE_PNL_PROCESSING_WORKERS=4
        env.putAll(ExtraEnvironment.parse(System.getenv("BENCH_PNL_ENV")));
        // another build of the service (main's, copied aside) for a side-by-side run: BENCH_PNL_JAR
        Path jar = Path.of(System.getenv().getOrDefault("BENCH_PNL_JAR",
                Path.of("pnl-ingest", "target", "quarkus-app", "quarkus-run.jar").toString()));
        try (ServiceProcess service = ServiceProcess.start(jar, "1g", env)) {
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(120));
            port = service.port();
            Thread reader = startReader();
            // Each round trip is two deliveries of two activities: rate / 4 round trips per second.
            double roundTripsPerSecond = rate / 4.0;
            System.out.printf("pnl-ingest webhooks: %d activities/s offered (%.0f deliveries/s), %d s after %d s"
                    + " warm-up, %d wallets, %d cores, load %s%n", rate, rate / 2.0, seconds, warmup, walletCount,
                    Runtime.getRuntime().availableProcessors(), LoadAverage.read());
            drive(roundTripsPerSecond, warmup, wallets, false);
            awaitDrained(service);
            Instant start = Instant.now();
            int sent = drive(roundTripsPerSecond, seconds, wallets, true);
            Duration took = Duration.between(start, Instant.now());
            System.out.println("inbox at the end of the load: " + service.body("/api/v1/webhooks/inbox"));
            System.out.println("messaging at the end of the load: " + service.body("/api/v1/messaging"));
            Thread.sleep(3000); // the last sales' events
            running.set(false);
            reader.join(5000);
            report(rate, sent, took);
            if (realizedMicros.isEmpty()) {
                System.out.println("no PnlRealized seen; the service says, for " + wallets.get(0) + ":\n"
                        + service.body("/api/v1/executions/" + wallets.get(0) + "?limit=2") + "\n"
                        + service.body("/api/v1/pnl/" + wallets.get(0)) + "\n" + service.output());
            }
            System.out.println("load after: " + LoadAverage.read());
        } finally {
            if (System.getenv("BENCH_KEEP_DATABASE") == null) {
                database.drop();
            } else {
                System.out.println("database kept: " + database.name());
            }
        }
    }

    /**
     * Waits until the warm-up's deliveries are processed (at most two minutes), so that the measured window starts
     * with an empty inbox and a compiled service rather than inheriting the warm-up's backlog.
     */
    private static void awaitDrained(ServiceProcess service) throws InterruptedException {
        long started = System.nanoTime();
        long pending = -1;
        while (System.nanoTime() - started < TimeUnit.MINUTES.toNanos(2)) {
            Matcher m = PENDING.matcher(service.body("/api/v1/webhooks/inbox"));
            pending = m.find() ? Long.parseLong(m.group(1)) : -1;
            if (pending == 0) {
                break;
            }
            Thread.sleep(200);
        }
        System.out.printf("warm-up backlog: %s after %.1f s%n", pending == 0 ? "processed" : pending + " left",
                (System.nanoTime() - started) / 1e9);
    }

    /** Sends round trips at the given rate for the duration; returns the sales sent while measuring. */
    private int drive(double roundTripsPerSecond, int seconds, List<String> wallets, boolean measured)
            throws InterruptedException {
        long interval = (long) (1_000_000_000L / roundTripsPerSecond);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int count = 0;
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String wallet = wallets.get((int) (sequence % wallets.size()));
            roundTrip(wallet, sequence++, measured);
            count++;
        }
        return count;
    }

    private void roundTrip(String wallet, long n, boolean measured) {
        String tokenHex = "0x" + Long.toHexString(Math.abs(runId.hashCode())) + String.format("%012x", n + 1);
        String buyTx = String.format("0x%064x", (n << 1) + 1);
        String sellTx = String.format("0x%064x", (n << 1) + 2);
        byte[] buy = delivery("b" + n, activity(buyTx, 1, wallet, EXCHANGE, "token", USDC, "0x2625a00", null),
                activity(buyTx, 2, EXCHANGE, wallet, "erc1155", CTF, null, tokenHex));
        byte[] sell = delivery("s" + n, activity(sellTx, 1, wallet, EXCHANGE, "erc1155", CTF, null, tokenHex),
                activity(sellTx, 2, EXCHANGE, wallet, "token", USDC, "0x2faf080", null));
        String market = "ctf:" + new java.math.BigInteger(tokenHex.substring(2), 16);
        // the sale only after its buy was taken, as the chain orders them; a shed buy takes its sale with it
        send(buy, measured).thenAccept(taken -> {
            if (!taken) {
                return;
            }
            if (measured) {
                measuredSales.incrementAndGet();
                saleSentAt.put(market, System.nanoTime());
            }
            send(sell, measured);
        });
    }

    /** Completes with whether the delivery was acknowledged (200). */
    private CompletableFuture<Boolean> send(byte[] body, boolean measured) {
        long sent = System.nanoTime();
        CompletableFuture<Boolean> taken = new CompletableFuture<>();
        http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                        .setURI(PATH).setTimeout(TIMEOUT_MILLIS))
                .compose(request -> request.putHeader("Content-Type", "application/json")
                        .putHeader("X-Alchemy-Signature", sign(body)).send(Buffer.buffer(body)))
                .compose(response -> response.body().map(answer -> response.statusCode()))
                .onComplete(result -> {
                    long took = (System.nanoTime() - sent) / 1000;
                    int status = result.succeeded() ? result.result() : 0;
                    if (status == 200) {
                        if (measured) {
                            ackMicros.add(took);
                        }
                    } else if (status == 503) {
                        if (measured) {
                            shedMicros.add(took);
                        }
                    } else {
                        failures.incrementAndGet();
                    }
                    taken.complete(status == 200);
                });
        return taken;
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
                consumer.subscribe(List.of(Topics.PNL_EXECUTIONS.name()));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.assignment().forEach(p -> consumer.position(p));
                assigned.countDown();
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        eventsRead.incrementAndGet();
                        EventEnvelope<?> event = CODEC.decode(record.value());
                        if (event.payload() instanceof PnlRealized p) {
                            Long sent = saleSentAt.remove(p.market());
                            if (sent != null) {
                                realizedMicros.add((now - sent) / 1000);
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }, "pnl-events-reader");
        reader.setDaemon(true);
        reader.start();
        if (!assigned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no partitions of " + Topics.PNL_EXECUTIONS.name() + " assigned");
        }
        return reader;
    }

    private void report(int rate, int roundTrips, Duration took) {
        double[] ack = toMillis(ackMicros);
        double[] realized = toMillis(realizedMicros);
        double achieved = ack.length * 2.0 / (took.toMillis() / 1000.0);
        System.out.printf("deliveries acknowledged: %d (%.0f activities/s achieved of %d offered), failures %d%n",
                ack.length, achieved, rate, failures.get());
        System.out.printf("HTTP ack ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", p(ack, 0.5), p(ack, 0.9),
                p(ack, 0.99), p(ack, 1));
        double[] shed = toMillis(shedMicros);
        System.out.printf("deliveries shed with 503 (to be sent again): %d, answered in ms p50 %.1f  p99 %.1f  max %.1f;"
                + " failures are the rest (timeouts, errors)%n", shed.length, p(shed, 0.5), p(shed, 0.99), p(shed, 1));
        System.out.printf("request -> PnlRealized on Kafka ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f"
                + "  (%d of %d sales seen; %d round trips offered)%n", p(realized, 0.5), p(realized, 0.9), p(realized, 0.99), p(realized, 1),
                realized.length, measuredSales.get(), roundTrips);
        System.out.printf("events read from %s: %d%n", Topics.PNL_EXECUTIONS.name(), eventsRead.get());
        String verdict = p(realized, 0.99) < 50 && achieved >= rate * 0.98 ? "meets"
                : p(realized, 0.5) < 50 ? "meets at p50, not at p99" : "MISSES";
        System.out.printf("aim (%d activities/s, p99 < 50 ms): %s%n", rate, verdict);
    }

    private static double[] toMillis(ConcurrentLinkedQueue<Long> micros) {
        return micros.stream().mapToDouble(m -> m / 1000.0).toArray();
    }

    private static double p(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String activity(String tx, int log, String from, String to, String category, String contract,
            String rawValue, String tokenId) {
        String value = tokenId == null ? "\"rawContract\":{\"rawValue\":\"" + rawValue + "\",\"address\":\""
                + contract + "\",\"decimals\":6}"
                : "\"erc1155Metadata\":[{\"tokenId\":\"" + tokenId + "\",\"value\":\"0x5f5e100\"}],"
                + "\"rawContract\":{\"rawValue\":null,\"address\":\"" + contract + "\",\"decimals\":null}";
        return "{\"blockNum\":\"0x3a2b1c\",\"hash\":\"" + tx + "\",\"fromAddress\":\"" + from + "\",\"toAddress\":\""
                + to + "\",\"category\":\"" + category + "\"," + value + ",\"log\":{\"address\":\"" + contract
                + "\",\"transactionHash\":\"" + tx + "\",\"logIndex\":\"0x" + Integer.toHexString(log)
                + "\",\"removed\":false}}";
    }

    private byte[] delivery(String id, String... activities) {
        return ("{\"webhookId\":\"" + WEBHOOK + "\",\"id\":\"whevt_" + runId + id + "\",\"createdAt\":\""
                + Instant.now() + "\",\"type\":\"ADDRESS_ACTIVITY\",\"event\":{\"network\":\"MATIC_MAINNET\","
                + "\"activity\":[" + String.join(",", activities) + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
