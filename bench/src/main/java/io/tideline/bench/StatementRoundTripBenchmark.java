package io.tideline.bench;

import io.tideline.bench.lp.LoadAverage;
import io.tideline.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one awaited statement costs a worker thread: {@code select $1} one after another, blocking on the Vert.x
 * PostgreSQL client (as every unit of work does, ADR 0001: the answer arrives on the event loop and is handed back to
 * the waiting thread) beside pgjdbc (the thread reads its own socket), with the machine idle and with busy threads
 * beside it. The difference is the thread hand-over, which a loaded machine makes dear (ADR 0029).
 * Args: [statements per measurement = 5000] [busy threads, comma-separated = 0,3].
 */
public final class StatementRoundTripBenchmark {

    private StatementRoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        String[] busyCounts = (args.length > 1 ? args[1] : "0,3").split(",");
        TestDatabase database = TestDatabase.create();
        Vertx vertx = Vertx.vertx();
        try (Connection jdbc = database.connect()) {
            PgConnectOptions options = new PgConnectOptions().setHost(database.host()).setPort(database.port())
                    .setDatabase(database.name()).setUser(database.user()).setPassword(database.password())
                    .setCachePreparedStatements(true);
            Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options).using(vertx)
                    .build();
            SqlConnection vertxConnection = pool.getConnection().toCompletionStage().toCompletableFuture().get();
            PreparedStatement select = jdbc.prepareStatement("select ?::int");
            System.out.printf("statement round trips: %d statements per measurement, %d cores, load %s%n", n,
                    Runtime.getRuntime().availableProcessors(), LoadAverage.read());
            System.out.printf("%-12s %-28s %-28s %s%n", "busy threads", "Vert.x, blocking (us/stmt)",
                    "pgjdbc (us/stmt)", "ratio");
            for (String busy : busyCounts) {
                List<Thread> burners = burn(Integer.parseInt(busy.trim()));
                List<Double> viaVertx = new ArrayList<>();
                List<Double> viaJdbc = new ArrayList<>();
                for (int round = 0; round < 4; round++) { // alternating; the first round warms both up
                    double v = vertx(vertxConnection, n);
                    double j = jdbc(select, n);
                    if (round > 0) {
                        viaVertx.add(v);
                        viaJdbc.add(j);
                    }
                }
                burners.forEach(Thread::interrupt);
                System.out.printf("%-12s %-28s %-28s %.2f%n", busy.trim(), viaVertx.stream().map(x -> String.format(
                        "%.0f", x)).toList(), viaJdbc.stream().map(x -> String.format("%.0f", x)).toList(),
                        median(viaVertx) / median(viaJdbc));
            }
            vertxConnection.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            database.drop();
        }
    }

    private static double vertx(SqlConnection connection, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            connection.preparedQuery("select $1::int").execute(Tuple.of(i)).toCompletionStage().toCompletableFuture()
                    .get();
        }
        return (System.nanoTime() - start) / 1e3 / n;
    }

    private static double jdbc(PreparedStatement select, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            select.setInt(1, i);
            try (ResultSet r = select.executeQuery()) {
                r.next();
            }
        }
        return (System.nanoTime() - start) / 1e3 / n;
    }

    private static List<Thread> burn(int threads) {
        List<Thread> burners = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    x += System.nanoTime() % 7;
                }
            }, "busy-" + i);
            t.setDaemon(true);
            t.start();
            burners.add(t);
        }
        return burners;
    }

    private static double median(List<Double> values) {
        return Median.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
