package io.tideline.analytics.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.analytics.market.PoolSeries;
import io.tideline.messaging.tx.Transactions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs backtests as jobs off the request thread, one at a time (a backtest takes a core), keeping each job's
 * progress (every 1 % of its bars) and its {@link BacktestSummary} or error in the {@code backtest} table.
 */
@ApplicationScoped
public class BacktestJobs {

    private static final Logger LOG = Logger.getLogger(BacktestJobs.class);

    private final Transactions transactions;
    private final BacktestStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backtest-runner");
        t.setDaemon(true);
        return t;
    });

    public BacktestJobs(Transactions transactions, BacktestStore store, ObjectMapper json, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Records the job and queues it; returns its id at once. */
    public UUID submit(String name, Strategy strategy, PoolSeries series, String request) {
        UUID id = UUID.randomUUID();
        int steps = series.bars().size() - 1;
        transactions.execute(tx -> store.start(tx, id, name, steps, request, clock.instant()));
        runner.submit(() -> run(id, strategy, series, steps));
        return id;
    }

    private void run(UUID id, Strategy strategy, PoolSeries series, int steps) {
        int every = Math.max(1, steps / 100);
        try {
            BacktestResult result = Backtester.run(strategy, series, i -> {
                if ((i + 1) % every == 0 && i + 1 < steps) {
                    transactions.execute(tx -> store.progress(tx, id, i + 1));
                }
            });
            String summary = json.writeValueAsString(BacktestSummary.of(result));
            transactions.execute(tx -> store.finish(tx, id, summary, clock.instant()));
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warnf(e, "backtest %s failed", id);
            transactions.execute(tx -> store.fail(tx, id, String.valueOf(e.getMessage()), clock.instant()));
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
