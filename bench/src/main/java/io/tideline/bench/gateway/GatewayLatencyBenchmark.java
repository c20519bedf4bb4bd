package io.tideline.bench.gateway;

import io.tideline.bench.ExtraEnvironment;
import io.tideline.bench.lp.LoadAverage;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The latency the gateway adds: one small real HTTP upstream on loopback (a Vert.x server answering a fixed JSON body,
 * so the figure is the gateway's and not a service's database), the packaged gateway in front of it (every upstream's
 * URL pointed at it), and a constant open-loop load of GETs with a person's bearer token, alternately straight at the
 * upstream and through the gateway, in phases of the same length. Each request's latency is counted from the time it
 * was scheduled to start, not from when it was sent, so a stall is not hidden by requests that were sent late
 * (coordinated omission). Prints p50/p99/p99.9/max for both and the differences.
 * Args: [requests per second = 2000] [seconds per phase = 15] [phases per target = 2] [warm-up seconds = 15].
 */
public final class GatewayLatencyBenchmark {

    private static final String PATH = "/api/v1/leaderboard?limit=10";
    /** A request not answered within this counts as failed. */
    private static final long TIMEOUT_MILLIS = 10_000;
    private static final byte[] ANSWER = ("{\"entries\":[{\"wallet\":\"0x00000000000000000000000000000000000000be\","
            + "\"realizedPnl\":\"1234.567890\",\"trades\":42}],\"asOf\":\"2026-12-06T00:00:00Z\"}").getBytes();

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
            .setConnectTimeout(2_000).setIdleTimeout(0), new PoolOptions().setHttp1MaxSize(256));

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int phases = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        new GatewayLatencyBenchmark().run(rate, seconds, phases, warmup);
        System.exit(0);
    }

    private void run(int rate, int seconds, int phases, int warmup) throws Exception {
        HttpServer upstream = vertx.createHttpServer().requestHandler(request -> request.response()
                .putHeader("Content-Type", "application/json").end(Buffer.buffer(ANSWER)));
        int upstreamPort = upstream.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get()
                .actualPort();
        TestDatabase database = TestDatabase.create();
        Map<String, String> env = new HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        for (String name : new String[] {"LP_TRACKER", "PERP_HEDGER", "PNL_INGEST", "SETTLEMENT", "ANALYTICS",
                "ALERTING"}) {
            env.put("TIDELINE_GATEWAY_UPSTREAMS_" + name + "_URL", "http://127.0.0.1:" + upstreamPort);
        }
        // the rate limiter still runs for every request; its viewer bucket just never empties
        env.put("TIDELINE_GATEWAY_RATE_LIMITS_VIEWER_CAPACITY", "100000000");
        env.put("TIDELINE_GATEWAY_RATE_LIMITS_VIEWER_REFILL_PER_SECOND", "100000000");
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        env.putAll(ExtraEnvironment.parse(System.getProperty("gateway.env", ""))); // NAME=value,...
        String bearer = TestTokens.bearer("viewer");
        // another build of the gateway (e.g. main's, copied aside) for a side-by-side run: -Dgateway.jar=...
        Path jar = Path.of(System.getProperty("gateway.jar", "gateway/target/quarkus-app/quarkus-run.jar"));
        try (ServiceProcess gateway = ServiceProcess.start(jar, System.getProperty("gateway.heap", "512m"), env)) {
            gateway.awaitStatus("/q/health/live", 200, Duration.ofSeconds(120));
            Target direct = new Target("direct", upstreamPort, bearer, PATH);
            // -Dgateway.path=/ measures the floor: a page the gateway serves itself, through the same HTTP server
            Target through = new Target("gateway", gateway.port(), bearer, System.getProperty("gateway.path", PATH));
            System.out.printf("gateway %s%n", jar);
            System.out.printf("gateway latency: %d req/s open loop, GET %s, %d phase(s) of %d s per target after"
                    + " %d s warm-up, %d cores, load %s%n", rate, through.path(), phases, seconds, warmup,
                    Runtime.getRuntime().availableProcessors(), LoadAverage.read());
            // a cold JVM first: a quarter of the rate, then the full rate
            drive(through, Math.max(1, rate / 4), Math.max(1, warmup / 2), null);
            drive(through, rate, warmup, null);
            drive(direct, rate, Math.max(1, warmup / 3), null);
            Samples directSamples = new Samples(rate * seconds * phases);
            Samples gatewaySamples = new Samples(rate * seconds * phases);
            for (int phase = 0; phase < phases; phase++) {
                drive(direct, rate, seconds, directSamples);
                drive(through, rate, seconds, gatewaySamples);
            }
            report(rate, directSamples, gatewaySamples);
            System.out.println("load after: " + LoadAverage.read());
        } finally {
            database.drop();
            vertx.close();
        }
    }

    /** Sends {@code rate} requests a second for the duration, each at its scheduled time; waits for their answers. */
    private void drive(Target target, int rate, int seconds, Samples samples) throws Exception {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int count = rate * seconds;
        AtomicInteger pending = new AtomicInteger(count);
        CompletableFuture<Void> done = new CompletableFuture<>();
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                            .setPort(target.port()).setURI(target.path()).setTimeout(TIMEOUT_MILLIS))
                    .compose(request -> request.putHeader("Authorization", target.bearer())
                            .putHeader("Accept", "application/json").send())
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .onComplete(result -> {
                        long took = System.nanoTime() - scheduled;
                        if (samples != null) {
                            if (result.succeeded() && result.result() == 200) {
                                samples.add(took);
                            } else {
                                samples.failed();
                            }
                        }
                        if (pending.decrementAndGet() == 0) {
                            done.complete(null);
                        }
                    });
        }
        try {
            done.get(TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            System.out.printf("%s: %d of %d requests still unanswered%n", target.name(), pending.get(), count);
        }
        if (samples != null) {
            System.out.printf("  %s phase: %d answered, %d failed so far, load %s%n", target.name(), samples.size(),
                    samples.failures(), LoadAverage.read());
        }
    }

    private static void report(int rate, Samples direct, Samples gateway) {
        double[] d = direct.millis();
        double[] g = gateway.millis();
        System.out.printf("%-8s %8s %8s %8s %8s %8s %8s%n", "", "answers", "failed", "p50 ms", "p99 ms", "p99.9 ms",
                "max ms");
        line("direct", direct, d);
        line("gateway", gateway, g);
        System.out.printf("%-8s %8s %8s %8.3f %8.3f %8.3f%n", "added", "", "", p(g, 0.5) - p(d, 0.5),
                p(g, 0.99) - p(d, 0.99), p(g, 0.999) - p(d, 0.999));
        double added = p(g, 0.99) - p(d, 0.99);
        String verdict = gateway.failures() > 0 || added >= 5 ? "MISSES"
                : p(d, 0.99) >= 5 ? "not shown: the direct calls' own p99 is above 5 ms (the machine stalls both)"
                : "meets";
        System.out.printf("aim (p99 added < 5 ms at %d req/s): %s%n", rate, verdict);
    }

    private static void line(String name, Samples samples, double[] millis) {
        System.out.printf("%-8s %8d %8d %8.3f %8.3f %8.3f %8.3f%n", name, millis.length, samples.failures(),
                p(millis, 0.5), p(millis, 0.99), p(millis, 0.999), p(millis, 1));
    }

    private static double p(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private record Target(String name, int port, String bearer, String path) {
    }

    /** Latencies in nanoseconds, written from the client's event loop. */
    private static final class Samples {
        private final AtomicLongArray nanos;
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();

        Samples(int capacity) {
            nanos = new AtomicLongArray(capacity);
        }

        void add(long took) {
            int i = size.getAndIncrement();
            if (i < nanos.length()) {
                nanos.set(i, took);
            }
        }

        void failed() {
            failures.incrementAndGet();
        }

        int failures() {
            return failures.get();
        }

        int size() {
            return size.get();
        }

        double[] millis() {
            int n = Math.min(size.get(), nanos.length());
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = nanos.get(i) / 1e6;
            }
            Arrays.sort(out);
            return out;
        }
    }
}
