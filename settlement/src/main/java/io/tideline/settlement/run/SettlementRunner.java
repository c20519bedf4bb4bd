package io.tideline.settlement.run;

import io.tideline.events.EventEnvelope;
import io.tideline.events.mm.SessionSettled;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.tx.Transactions;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.pricing.PairCatalogue;
import io.tideline.settlement.risk.StopLossGuard;
import io.tideline.settlement.session.SessionStore;
import io.tideline.settlement.session.SessionStore.SessionPair;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One settlement run: the sessions active within the lookback, their stop-loss checked, then their pairs settled in
 * parallel on a bounded pool, each (session, pair) under its advisory lock and on its own: an error in one is recorded
 * in the result and the others go on. The run is recorded in the history and each session's part is published as
 * SessionSettled, in one unit of work; a session's SessionSettled carries the correlation id of the session's first fill
 * (the run's id for a session without fills). One run at a time per instance.
 */
@ApplicationScoped
public class SettlementRunner {

    private static final Logger LOG = Logger.getLogger(SettlementRunner.class);

    private final Pool pool;
    private final Transactions transactions;
    private final SessionStore sessions;
    private final RunStore runs;
    private final PairSettler settler;
    private final StopLossGuard stopLoss;
    private final PairCatalogue pairs;
    private final ExecutorService workers;
    private final Duration lookback;
    private final String service;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public SettlementRunner(Pool pool, Transactions transactions, SessionStore sessions, RunStore runs,
            PairSettler settler, StopLossGuard stopLoss, PairCatalogue pairs, SettlementConfig config,
            MessagingConfig messaging, Clock clock) {
        this.pool = pool;
        this.transactions = transactions;
        this.sessions = sessions;
        this.runs = runs;
        this.settler = settler;
        this.stopLoss = stopLoss;
        this.pairs = pairs;
        this.lookback = config.run().lookback();
        this.service = messaging.service();
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.run().parallelism(), r -> {
            Thread thread = new Thread(r, "settlement-pair-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs settlement once.
     *
     * @param sessionId optional: only this session
     * @throws RunInProgressException when this instance is running one already
     */
    public RunResult run(String trigger, boolean dryRun, String sessionId) {
        if (!running.tryLock()) {
            throw new RunInProgressException("a settlement run is in progress in this instance");
        }
        try {
            return runLocked(trigger, dryRun, sessionId);
        } finally {
            running.unlock();
        }
    }

    private RunResult runLocked(String trigger, boolean dryRun, String sessionId) {
        UUID runId = UUID.randomUUID();
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        List<SessionPair> slices = sessions.activePairs(transactions.reads(), started.minus(lookback), sessionId);
        List<String> sessionIds = slices.stream().map(SessionPair::sessionId).distinct().sorted().toList();
        StopLossGuard.Verdict verdict = stopLoss.check(sessionIds, dryRun);

        Map<String, List<SessionPair>> byPair = slices.stream().collect(Collectors.groupingBy(SessionPair::pair,
                LinkedHashMap::new, Collectors.toList()));
        Map<String, PairOutcome> bySession = new ConcurrentHashMap<>();
        List<RunResult.PairError> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger skipped = new AtomicInteger();
        List<Future<?>> tasks = new ArrayList<>();
        for (Map.Entry<String, List<SessionPair>> pair : byPair.entrySet()) {
            tasks.add(workers.submit(() -> {
                for (SessionPair sp : pair.getValue()) {
                    settleOne(sp, verdict, runId, dryRun, bySession, errors, skipped);
                }
            }));
        }
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while settling", e);
            } catch (ExecutionException e) {
                LOG.error("a pair worker failed outside its (session, pair)", e.getCause());
            }
        }

        PairOutcome total = new PairOutcome();
        bySession.values().forEach(total::add);
        Instant finished = clock.instant();
        long durationMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        RunResult result = new RunResult(runId.toString(), trigger, dryRun, started, finished, sessionIds.size(),
                byPair.size(), total.uncovered(), total.covered(), total.placed(), total.replaced(), total.failed(),
                total.duplicatesPrevented(), total.takeProfitsFilled(), skipped.get(), verdict.stopped().size(),
                durationMillis, total.venueNanos() / 1_000_000, List.copyOf(errors));
        Map<String, List<String>> pairsOfSession = slices.stream().collect(Collectors.groupingBy(
                SessionPair::sessionId, Collectors.mapping(SessionPair::pair, Collectors.toList())));
        transactions.execute(uow -> {
            runs.insert(uow, result);
            Map<String, String> correlations = sessionIds.isEmpty() ? Map.of()
                    : sessions.correlations(uow, sessionIds);
            for (String id : sessionIds) {
                PairOutcome o = bySession.getOrDefault(id, new PairOutcome());
                uow.publish(EventEnvelope.of(service, id, correlations.getOrDefault(id, runId.toString()),
                        new SessionSettled(runId.toString(), id, pairsOfSession.get(id), o.covered(), o.placed(),
                                o.replaced(), o.failed(), o.duplicatesPrevented(), durationMillis, dryRun)));
            }
        });
        if (result.sessions() > 0) {
            LOG.infof("settlement run %s (%s%s): %d sessions, %d pairs, %d uncovered, %d placed, %d replaced, %d failed,"
                    + " %d duplicates prevented, %d take-profit fills, %d locked elsewhere, %d errors in %d ms",
                    runId, trigger, dryRun ? ", dry run" : "", result.sessions(), result.pairs(),
                    result.positionsUncovered(), result.ordersPlaced(), result.ordersReplaced(), result.ordersFailed(),
                    result.duplicatesPrevented(), result.takeProfitsFilled(), result.pairsSkippedLocked(),
                    errors.size(), durationMillis);
        }
        return result;
    }

    private void settleOne(SessionPair sp, StopLossGuard.Verdict verdict, UUID runId, boolean dryRun,
            Map<String, PairOutcome> bySession, List<RunResult.PairError> errors, AtomicInteger skipped) {
        try {
            PairOutcome outcome;
            if (dryRun) {
                outcome = settler.settle(sp, pairs.rules(sp.pair()), verdict.stopped().contains(sp.sessionId()), runId,
                        true);
            } else {
                Optional<PairLock> lock = PairLock.tryAcquire(pool, sp.sessionId(), sp.pair(), transactions.timeout());
                if (lock.isEmpty()) {
                    skipped.incrementAndGet();
                    return;
                }
                try (PairLock held = lock.get()) {
                    outcome = settler.settle(sp, pairs.rules(sp.pair()), verdict.stopped().contains(sp.sessionId()),
                            runId, false, held);
                }
            }
            bySession.compute(sp.sessionId(), (k, v) -> {
                PairOutcome sum = v == null ? new PairOutcome() : v;
                sum.add(outcome);
                return sum;
            });
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.errorf(e, "settling %s of session %s failed: %s", sp.pair(), sp.sessionId(), message);
            errors.add(new RunResult.PairError(sp.sessionId(), sp.pair(), message));
            bySession.computeIfAbsent(sp.sessionId(), k -> new PairOutcome());
        }
    }

    /**
     * Between runs: records the fills of resting take-profits (TakeProfitFilled) for every (session, pair) that has
     * unfinished ones and is not being settled elsewhere. Returns the number of take-profit fills recorded.
     */
    public int watchFills() {
        List<SessionPair> withOrders = sessions.pairsWithLiveTakeProfits(transactions.reads());
        int filled = 0;
        for (SessionPair sp : withOrders) {
            try {
                Optional<PairLock> lock = PairLock.tryAcquire(pool, sp.sessionId(), sp.pair(), transactions.timeout());
                if (lock.isEmpty()) {
                    continue;
                }
                try (PairLock held = lock.get()) {
                    PairOutcome out = new PairOutcome();
                    settler.reconcile(sp, out, false, held);
                    filled += out.takeProfitsFilled();
                }
            } catch (RuntimeException e) {
                LOG.warnf("watching take-profit fills of %s in session %s failed: %s", sp.pair(), sp.sessionId(),
                        e.getMessage());
            }
        }
        return filled;
    }
}
