package io.tideline.bench.analytics;

import io.tideline.bench.lp.LoadAverage;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.events.EventType;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.PerpFill;
import io.tideline.events.pnl.CostBasisMethod;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.testing.EmbeddedKafkaBroker;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestTokens;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The analytics read model rebuilt from its topics: N events (a desk's mix: LP marks of STRATEGIES positions after
 * their mints, pool prices, hedge fills, prediction-market executions and realizations) are put on the five topics,
 * then the packaged service (live consumer off, so that only the replay works) is asked to replay from offset 0
 * ({@code POST /api/v1/replay}); the figure is records read and applied per second over the replay's own time.
 * Kafka: TIDELINE_KAFKA_BOOTSTRAP, else a broker started inside this JVM (never another team's 9092).
 * Args: [events = 1000000].
 */
public final class AnalyticsReplayBenchmark {

    private static final int STRATEGIES = 1000;
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final TokenRef WETH = new TokenRef("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18);
    private static final TokenRef USDC = new TokenRef("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6);
    private static final String POOL = "0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640";
    private static final BigInteger SQRT = new BigInteger("3961408125713216879677197");

    private final String run = Long.toString(System.nanoTime(), 36);

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        new AnalyticsReplayBenchmark().run(events);
        System.exit(0);
    }

    private void run(int events) throws Exception {
        String configured = System.getenv("TIDELINE_KAFKA_BOOTSTRAP");
        EmbeddedKafkaBroker broker = configured == null || configured.isBlank() ? EmbeddedKafkaBroker.start() : null;
        String bootstrap = broker != null ? broker.bootstrapServers() : configured;
        io.tideline.events.TopicProvisioner.provisionAll(bootstrap, Duration.ofSeconds(30),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        TestDatabase database = TestDatabase.create();
        System.out.printf(Locale.ROOT, "analytics replay: %d events for %d LP strategies; broker %s; %d cores,"
                + " load %s%n", events, STRATEGIES, broker != null ? "in this JVM" : bootstrap,
                Runtime.getRuntime().availableProcessors(), LoadAverage.read());
        Map<String, String> env = new HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        env.put("TIDELINE_MESSAGING_CONSUMER_ENABLED", "false");
        env.put("TIDELINE_ANALYTICS_SNAPSHOTS_ENABLED", "false");
        env.put("TIDELINE_ANALYTICS_REPORTS_ENABLED", "false");
        try (ServiceProcess service = start(Path.of("analytics", "target", "quarkus-app", "quarkus-run.jar"), env)) {
            long produced = produce(bootstrap, events);
            System.out.printf(Locale.ROOT, "produced %d events in %.1f s%n", events, produced / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + service.port() + "/api/v1/replay")).header("Authorization", TestTokens.bearer("admin"))
                    .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            double took = (System.nanoTime() - t0) / 1e9;
            System.out.println("replay answer: " + answer.statusCode() + " " + answer.body());
            Map<?, ?> result = new com.fasterxml.jackson.databind.ObjectMapper().readValue(answer.body(), Map.class);
            long read = ((Number) result.get("read")).longValue();
            long millis = ((Number) result.get("millis")).longValue();
            System.out.printf(Locale.ROOT, "replay: %d records read and applied in %.2f s (service's own timing;"
                    + " %.2f s at the client): %.0f events/s (aim >= 20,000)%n", read, millis / 1000.0, took,
                    read / (millis / 1000.0));
            System.out.println("desk after the replay: " + service.body("/api/v1/portfolio/books/LP")
                    .replaceAll("(?s)\"strategies\":\\[.*", "...").substring(0, 200));
            System.out.println("load after: " + LoadAverage.read());
        } finally {
            if (System.getenv("BENCH_KEEP_DATABASE") == null) {
                database.drop();
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    private long produce(String bootstrap, int events) {
        long t0 = System.nanoTime();
        String prefix = Long.toString(Math.abs((long) run.hashCode()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < events; i++) {
                int s = i % STRATEGIES;
                PositionRef p = new PositionRef(31337, "0xc36442b4a4522e871399cd717abdd847ab11fe88",
                        prefix + String.format("%04d", s));
                Instant t = at.plusMillis(i);
                BigDecimal price = BigDecimal.valueOf(2000 + (i % 997)).add(BigDecimal.valueOf(s, 3));
                if (i < STRATEGIES) {
                    send(producer, "lp-tracker", p.key(), new LpMinted(p, "0x1111111111111111111111111111111111111111",
                            POOL, WETH, USDC, 3000, -200_000, -190_000, BigInteger.valueOf(1_000_000_000_000L),
                            BigInteger.TEN.pow(18), BigInteger.valueOf(2_000_000_000L), SQRT, price,
                            new ChainRef(i + 1, hash(i), hash(i), 0, t)), t);
                } else if (i % 20 == 0) {
                    send(producer, "lp-tracker", "31337:" + POOL, new PriceObserved("uniswap-v3", "31337:" + POOL,
                            price, SQRT, -195_000, (long) i, t), t);
                } else if (i % 20 == 1) {
                    send(producer, "perp-hedger", p.key(), new HedgeFilled(p.key(), "h" + s, i, "ETH-USD", "o" + i,
                            run + "-x" + i, i % 40 == 1 ? TradeSide.SELL : TradeSide.BUY, new BigDecimal("0.01"),
                            price, new BigDecimal("0.001"), List.of(new PerpFill(run + "-t" + i,
                                    new BigDecimal("0.01"), price, new BigDecimal("0.001"), t))), t);
                } else if (i % 50 == 2) {
                    String wallet = "0x" + String.format("%040d", s);
                    send(producer, "pnl-ingest", wallet, new ExecutionUnmatched(run + "-e" + i, wallet, "polymarket",
                            "m" + (s % 10), "YES", i % 100 == 2 ? TradeSide.BUY : TradeSide.SELL,
                            new BigDecimal("10"), new BigDecimal("0.5"), new BigDecimal("0.01"), t), t);
                } else if (i % 50 == 3) {
                    String wallet = "0x" + String.format("%040d", s);
                    send(producer, "pnl-ingest", wallet, new PnlRealized(wallet, "polymarket", "m1", "YES",
                            BigDecimal.ONE, new BigDecimal("0.4"), new BigDecimal("0.5"), new BigDecimal("0.09"),
                            new BigDecimal("0.01"), CostBasisMethod.FIFO, PnlRealized.Reason.SELL, null, t), t);
                } else {
                    send(producer, "lp-tracker", p.key(), new LpValued(p, i, SQRT, -195_000,
                            BigInteger.valueOf(1_000_000_000_000L), BigInteger.TEN.pow(18).subtract(BigInteger
                            .valueOf(i)), BigInteger.valueOf(2_000_000_000L + i), BigInteger.valueOf(i),
                            BigInteger.valueOf(i % 1000), price, BigDecimal.ZERO, BigDecimal.ZERO, t), t);
                }
            }
            producer.flush();
        }
        return System.nanoTime() - t0;
    }

    private void send(KafkaProducer<String, byte[]> producer, String source, String key, EventPayload payload,
            Instant at) {
        EventType type = EventType.of(payload.getClass());
        EventEnvelope<?> e = new EventEnvelope<>(java.util.UUID.randomUUID(), type.wireName(), type.version(), at,
                source, key, null, payload);
        producer.send(new ProducerRecord<>(type.topic().name(), key, CODEC.encode(e)));
    }

    private static String hash(long n) {
        return String.format("0x%064x", n);
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
}
