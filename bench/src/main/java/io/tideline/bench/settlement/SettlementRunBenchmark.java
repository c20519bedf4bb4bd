package io.tideline.bench.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.bench.lp.LoadAverage;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TestTokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One settlement run over many open buy fills: the packaged settlement service on its paper venue (both in a fresh
 * PostgreSQL database), fills seeded straight into its tables as the mm.fills consumer stores them, spread over
 * {@code pairs} pairs (10 per session) and over the four age tiers; then {@code POST /api/v1/settlement/run} and the
 * run's own figures: wall time, the part spent in venue calls (summed over the pair workers; the paper venue is SQL in
 * the same database, so all of it is "computation and database work"), orders placed. A second run over the same,
 * now covered, fills shows the steady state. Measured at N fills and at 10 x N, each on a fresh database and service
 * after warm-up runs of its own ({@code TIDELINE_BENCH_WARMUPS}, 3) on fills then aged out of the lookback, each as
 * many fills over as many pairs (at most 10,000), and after the JIT compiler has gone idle: so that the run measured
 * finds the service's code compiled as a service running for a while has it (with one warm-up run the compiler
 * threads were the service's largest consumer in the measured run). The service's CPU is also printed by thread.
 * The fills carry their FillRecorded's event and correlation ids, as the mm.fills consumer stores them.
 * {@code TIDELINE_BENCH_SETTLEMENT_JAR} measures another build's packaged service (a build kept from before a change).
 *
 * <p>The service's outbox relay runs, as in production, publishing the run's events to Kafka while the run goes on
 * ({@code TIDELINE_BENCH_RELAY=0} turns it off): the figures also say when the last of the run's events left the
 * outbox. Beside the wall times, the CPU the first run cost the PostgreSQL backends of the scenario's database and the
 * service (on a shared machine the wall time swings with the others' load; the CPU time hardly does).
 *
 * <p>Arguments: {@code [fills=10000] [pairs=100] [parallelism=4] [scales=1,10]} (scales: the multiples of
 * {@code fills} measured, each a scenario). Run by {@code bench/settlement-run.sh}.
 */
public final class SettlementRunBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START = Duration.ofSeconds(120);
    private static final long[] AGES_MINUTES = {10, 90, 300, 900}; // one per tier: <1h, 1-4h, 4-12h, 12h+

    private SettlementRunBenchmark() {
    }

    /** One scenario's figures. */
    record Figures(int fills, int pairs, long seedMillis, JsonNode first, long firstClientMillis,
                   long drainedMillis, long postgresCpuMillis, long serviceCpuMillis, JsonNode second) {
    }

    /**
     * The packaged service: this worktree's, or the one {@code TIDELINE_BENCH_SETTLEMENT_JAR} names (a build kept from
     * before a change, run by the same harness beside the change's).
     */
    private static Path serviceJar() {
        String other = System.getenv("TIDELINE_BENCH_SETTLEMENT_JAR");
        return other == null || other.isBlank() ? Path.of("settlement", "target", "quarkus-app", "quarkus-run.jar")
                : Path.of(other);
    }

    /**
     * Warm-up runs before the measured one ({@code TIDELINE_BENCH_WARMUPS}, 3): after one, the JIT compiler was still
     * the service's largest consumer in the measured run (2.2 of 3.7 s of its CPU), which a service that has run for a
     * while does not see; after three it is a small part.
     */
    private static int warmUps() {
        String n = System.getenv("TIDELINE_BENCH_WARMUPS");
        return n == null || n.isBlank() ? 3 : Integer.parseInt(n);
    }

    private static boolean relayOn() {
        return !"0".equals(System.getenv("TIDELINE_BENCH_RELAY"));
    }

    public static void main(String[] args) throws Exception {
        int fills = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String scales = args.length > 3 ? args[3] : "1,10";
        try {
            List<Figures> all = new ArrayList<>();
            for (String scale : scales.split(",")) {
                all.add(scenario(fills * Integer.parseInt(scale.trim()), pairs, parallelism));
            }
            report(all, parallelism);
        } catch (Exception | Error e) {
            e.printStackTrace(); // System.exit below would otherwise end the JVM before the failure is printed
            System.exit(1);
        } finally {
            System.exit(0); // the broker a benchmark may have started in this JVM runs non-daemon threads
        }
    }

    private static Figures scenario(int fills, int pairs, int parallelism) throws Exception {
        Path jar = serviceJar();
        TestDatabase database = TestDatabase.create();
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("TIDELINE_SETTLEMENT_RUN_SCHEDULED", "false");
        env.put("TIDELINE_SETTLEMENT_RUN_FILL_WATCH_INTERVAL", "0s");
        env.put("TIDELINE_SETTLEMENT_RUN_PARALLELISM", Integer.toString(parallelism));
        // The stop-loss is checked (its cost is part of the run) but must not stop the sessions: the book sits below
        // the entries, and at 10x the fills each session's paper loss passes the default limit.
        env.put("TIDELINE_SETTLEMENT_STOP_LOSS_MAX_LOSS", "1000000000");
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        // The outbox relay publishes the run's events to Kafka while it runs, as in production (where the broker is
        // elsewhere; here it shares the cores). TIDELINE_BENCH_RELAY=0 turns it off.
        env.put("TIDELINE_MESSAGING_RELAY_ENABLED", Boolean.toString(relayOn()));
        say("scenario: " + fills + " open buy fills over " + pairs + " pairs; starting settlement (" + jar + ") ...");
        try (ServiceProcess service = ServiceProcess.start(jar, "1g", env)) {
            awaitReady(service, port);
            int warmFills = Math.min(fills, 10_000);
            for (int w = 0; w < warmUps(); w++) {
                say("  warm-up run " + (w + 1) + " of " + warmUps() + " over " + warmFills + " fills ...");
                seed(database, "warm" + w, warmFills, pairs);
                run(port);
                age(database, "warm" + w);
            }

            ProcessHandle process = CpuTime.service(jar.getFileName().toString());
            say("  JIT compiler idle after " + awaitCompilerIdle(process) + " ms");

            long seedStarted = System.nanoTime();
            seed(database, "bench", fills, pairs);
            long seedMillis = (System.nanoTime() - seedStarted) / 1_000_000;
            say("  seeded in " + seedMillis + " ms; running settlement ...");
            awaitOutboxDrained(database);
            CpuTime.Reading cpuBefore = CpuTime.read(database.name(), process);
            Instant runStarted = Instant.now();
            long started = System.nanoTime();
            JsonNode first = run(port);
            long client = (System.nanoTime() - started) / 1_000_000;
            CpuTime.Reading cpuAfter = CpuTime.read(database.name(), process);
            long drained = relayOn() ? awaitOutboxDrained(database) - started / 1_000_000 : -1;
            CpuTime.Reading cpuPublished = CpuTime.read(database.name(), process);
            say("  first run: " + first.path("durationMillis").asLong() + " ms, placed "
                    + first.path("ordersPlaced").asInt());
            say("  service CPU ms by thread, from the run's request until its events were published: "
                    + cpuPublished.serviceMillisByThreadSince(cpuBefore));
            if (relayOn()) {
                say("  relay passes that published the run's events: " + relayPasses(database, runStarted));
            }
            if (first.path("sessionsStopped").asInt() > 0) {
                say("  sessions stopped by their stop-loss: " + first.path("sessionsStopped").asInt());
            }
            if (first.path("errors").size() > 0) {
                say("  errors (" + first.path("errors").size() + "), first: " + first.path("errors").get(0));
            }
            JsonNode second = run(port);
            return new Figures(fills, pairs, seedMillis, first, client, drained,
                    cpuAfter.postgresMillisSince(cpuBefore), cpuAfter.serviceMillisSince(cpuBefore), second);
        } finally {
            database.drop();
        }
    }

    /** {@code fills} buy fills at 100 over {@code pairs} pairs (10 per session), ages spread over the tiers. */
    private static void seed(TestDatabase database, String prefix, int fills, int pairs) throws SQLException {
        Instant now = Instant.now();
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            int sessions = (pairs + 9) / 10;
            try (PreparedStatement s = c.prepareStatement("insert into mm_session (session_id, venue, pairs,"
                    + " started_at, last_activity_at, source) values (?, 'binance', ?, ?, ?, 'api')");
                 PreparedStatement book = c.prepareStatement("insert into paper_book (pair, bid, ask) values (?, 99,"
                         + " 99.01) on conflict (pair) do nothing")) {
                for (int i = 0; i < sessions; i++) {
                    List<String> names = new ArrayList<>();
                    for (int p = i * 10; p < Math.min(pairs, (i + 1) * 10); p++) {
                        names.add(pair(p));
                        book.setString(1, pair(p));
                        book.addBatch();
                    }
                    s.setString(1, prefix + "-" + i);
                    s.setArray(2, c.createArrayOf("text", names.toArray()));
                    s.setTimestamp(3, Timestamp.from(now.minus(Duration.ofHours(20))));
                    s.setTimestamp(4, Timestamp.from(now));
                    s.addBatch();
                }
                s.executeBatch();
                book.executeBatch();
            }
            // with the FillRecorded's event and correlation ids, as the mm.fills consumer stores a fill (a fill
            // without them has its event id derived, a SHA-1, each time it is read)
            try (PreparedStatement f = c.prepareStatement("insert into mm_fill (session_id, pair, venue, order_id,"
                    + " trade_id, side, qty, price, fee, filled_at, source, event_id, correlation_id) values (?, ?,"
                    + " 'binance', ?, ?, 'BUY', ?, ?, 0.01, ?, 'api', gen_random_uuid(), gen_random_uuid()::text)")) {
                for (int i = 0; i < fills; i++) {
                    int p = i % pairs;
                    f.setString(1, prefix + "-" + p / 10);
                    f.setString(2, pair(p));
                    f.setString(3, prefix + "-o" + i);
                    f.setString(4, prefix + "-t" + i);
                    f.setBigDecimal(5, new BigDecimal("0.1"));
                    f.setBigDecimal(6, new BigDecimal("100").add(BigDecimal.valueOf(i % 100, 2)));
                    f.setTimestamp(7, Timestamp.from(now.minus(Duration.ofMinutes(AGES_MINUTES[i % 4]))));
                    f.addBatch();
                    if (i % 5_000 == 4_999) {
                        f.executeBatch();
                    }
                }
                f.executeBatch();
            }
            c.commit();
        }
    }

    /**
     * Waits until the relay has published every outbox row (none when it is off, or up to a minute); returns when, in
     * {@link System#nanoTime()} ms.
     */
    private static long awaitOutboxDrained(TestDatabase database) throws SQLException, InterruptedException {
        if (!relayOn()) {
            return System.nanoTime() / 1_000_000;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("select exists (select 1 from outbox where sent_at is null)")) {
            while (System.nanoTime() < deadline) {
                try (var rs = s.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return System.nanoTime() / 1_000_000;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("the outbox relay did not publish the run's events within a minute");
    }

    /**
     * Waits (at most a minute) until the service's JIT compiler threads have used no more than 20 ms of CPU in the last
     * second: after a few runs they still work through a backlog for a while, which a service running for a while has
     * done; measured while they do, a run's CPU had up to 2.2 s of theirs in it. Returns how long it waited.
     */
    private static long awaitCompilerIdle(ProcessHandle service) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(1).toNanos();
        long before = CpuTime.compilerTicks(service);
        while (before >= 0 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long now = CpuTime.compilerTicks(service);
            if (now - before <= 2) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * The relay passes (transactions) that published events since {@code since}: an audit row's {@code sent_at} is its
     * pass's transaction time.
     */
    private static long relayPasses(TestDatabase database, Instant since) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("select count(distinct sent_at) from outbox_sent"
                     + " where sent_at >= ?")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Moves a session out of the lookback, so that later runs leave it alone. */
    private static void age(TestDatabase database, String prefix) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("update mm_session set last_activity_at = now() - interval"
                     + " '30 days' where session_id like ?")) {
            s.setString(1, prefix + "-%");
            s.executeUpdate();
        }
    }

    private static String pair(int p) {
        return String.format(Locale.ROOT, "B%03d-USDC", p);
    }

    private static JsonNode run(int port) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/settlement/run")).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.bearer("trader"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("run answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static void awaitReady(ServiceProcess service, int port) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (System.nanoTime() > deadline || !service.isAlive()) {
                throw new IllegalStateException("settlement did not get ready:\n" + service.output());
            }
            Thread.sleep(200);
        }
    }

    private static void report(List<Figures> all, int parallelism) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Tideline settlement run, paper venue, %d pair workers, %d cores, load %s, %s,"
                + " outbox relay %s, %d warm-up run(s)%n", parallelism, Runtime.getRuntime().availableProcessors(),
                LoadAverage.read(), System.getProperty("java.version"), relayOn() ? "on" : "off", warmUps());
        System.out.println("run ms: the service's own timing of the run (stop-loss check, positions, plans, PLACING rows"
                + " and events, venue, LIVE rows and events, run record); venue ms: inside venue calls, summed over the"
                + " workers (paper venue = SQL in the same database); published ms: from the run's request until the relay"
                + " had published all of its events (-1: relay off); pg cpu ms, svc cpu ms: CPU time of the database's"
                + " PostgreSQL backends and of the service during the run's request; steady: a second run with"
                + " everything covered");
        System.out.printf(Locale.ROOT, "%8s %6s %8s %8s %9s %10s %12s %10s %10s %12s %10s %10s%n", "fills", "pairs",
                "placed", "run ms", "venue ms", "client ms", "published ms", "pg cpu ms", "svc cpu ms", "us per fill",
                "steady ms", "seed ms");
        for (Figures f : all) {
            long runMs = f.first().path("durationMillis").asLong();
            System.out.printf(Locale.ROOT, "%8d %6d %8d %8d %9d %10d %12d %10d %10d %12.1f %10d %10d%n", f.fills(),
                    f.pairs(), f.first().path("ordersPlaced").asInt(), runMs, f.first().path("venueMillis").asLong(),
                    f.firstClientMillis(), f.drainedMillis(), f.postgresCpuMillis(), f.serviceCpuMillis(),
                    runMs * 1000.0 / f.fills(), f.second().path("durationMillis").asLong(), f.seedMillis());
        }
        if (all.size() > 1) {
            double growth = (double) all.get(1).first().path("durationMillis").asLong()
                    / Math.max(1, all.get(0).first().path("durationMillis").asLong());
            System.out.printf(Locale.ROOT, "10x the fills: %.1fx the run time%n", growth);
        }
        long firstMs = all.get(0).first().path("durationMillis").asLong();
        System.out.printf(Locale.ROOT, "aim: one run over %d fills in under 1000 ms: %s (%d ms)%n", all.get(0).fills(),
                firstMs < 1000 ? "met" : "NOT met", firstMs);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
