package io.tideline.messaging.inbox;

import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.tx.DatabaseUnavailableException;
import io.tideline.messaging.consumer.OutageException;
import io.tideline.messaging.lineage.Correlation;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The worker of one inbox stream. Each step claims pending messages in arrival order ({@code for update skip locked},
 * so several instances share a stream without taking the same message), hands them to the handler in one unit of
 * work, a few at a time until the batch's time budget is spent, and marks them processed in it.
 *
 * <p>When a batch fails the worker first asks whether the database answers. If not, it is an outage: nothing is
 * counted against any message and the worker backs off (BLOCKED). If it does, the worker goes one message at a time;
 * the oldest message then fails alone, and each of its failures is counted in its row; after {@code max-attempts} it
 * is set aside with the reason and the stream moves on. A message the handler calls unprocessable is set aside at once.
 */
final class InboxWorker {

    private static final Logger LOG = Logger.getLogger(InboxWorker.class);
    private static final int CLAIM_CHUNK = 20;

    private final InboxHandler handler;
    private final Inbox inbox;
    private final Transactions transactions;
    private final SchemaMigration schema;
    private final MessagingConfig.Inbox config;
    private final Duration cleanupEvery;
    private final InboxSettings settings;
    private final PollingWorker worker;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    private volatile boolean oneAtATime;
    private volatile InboxMessage current;
    private volatile String state = "STARTING";
    private volatile String error;
    private volatile int lastBatchSize;
    private volatile double lastBatchMillis;
    private Instant lastCleanup = Instant.EPOCH;

    /**
     * @param name         the thread's name
     * @param cleanupEvery how often it deletes processed rows past the retention (never: {@code null}, for all
     *                     but one of a stream's workers)
     */
    InboxWorker(String name, InboxHandler handler, InboxSettings settings, Inbox inbox, Transactions transactions,
            SchemaMigration schema, MessagingConfig.Inbox config, Duration cleanupEvery) {
        this.cleanupEvery = cleanupEvery;
        this.handler = handler;
        this.inbox = inbox;
        this.transactions = transactions;
        this.schema = schema;
        this.config = config;
        this.settings = settings;
        this.worker = new PollingWorker(name, this::step, settings.pollInterval(), config.maxBackoff());
    }

    void start() {
        worker.start();
    }

    void disable() {
        state = "DISABLED";
    }

    void stop() {
        worker.stop(Duration.ofSeconds(30));
        state = "STOPPED";
    }

    void wake() {
        worker.wake();
    }

    InboxStatus status() {
        return new InboxStatus(handler.stream(), state, error, processed.get(), setAside.get(), failedAttempts.get(),
                lastBatchSize, lastBatchMillis, Instant.now(), 1);
    }

    /** One batch; true if there may be more right away. Package-visible for tests that drive it step by step. */
    boolean step() {
        if (!schema.isMigrated()) {
            return false;
        }
        int limit = oneAtATime ? 1 : settings.batchSize();
        long started = System.nanoTime();
        long deadline = started + settings.maxBatchTime().toNanos();
        int done;
        boolean more;
        try {
            int[] count = {0};
            boolean[] full = {false};
            transactions.execute(uow -> {
                while (count[0] < limit) {
                    int chunk = Math.min(CLAIM_CHUNK, limit - count[0]);
                    List<InboxMessage> messages = inbox.claim(uow, handler.stream(), chunk);
                    List<Long> ids = new ArrayList<>(messages.size());
                    for (InboxMessage message : messages) {
                        current = message;
                        try (Correlation.Scope scope = Correlation.of(message.correlationId(), message.messageId())) {
                            handler.handle(message, uow);
                        }
                        ids.add(message.id());
                    }
                    current = null;
                    inbox.markProcessed(uow, ids);
                    count[0] += messages.size();
                    full[0] = messages.size() == chunk;
                    if (!full[0] || System.nanoTime() > deadline) {
                        break;
                    }
                }
            });
            done = count[0];
            more = full[0];
        } catch (RuntimeException | Error e) {
            return failed(current, e);
        } finally {
            current = null;
        }
        if (done > 0) {
            processed.addAndGet(done);
            lastBatchSize = done;
            lastBatchMillis = (System.nanoTime() - started) / 1_000_000.0;
            oneAtATime = false;
        }
        state = oneAtATime ? "ONE_AT_A_TIME" : "RUNNING";
        error = null;
        cleanupIfDue();
        return more;
    }

    private boolean failed(InboxMessage message, Throwable e) {
        String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (e instanceof UnprocessableMessageException && message != null) {
            transactions.execute(uow -> inbox.setAside(uow, message.id(), reason));
            setAside.incrementAndGet();
            LOG.errorf("inbox %s: message %s (%s) set aside: %s", handler.stream(), message.messageId(),
                    message.type(), reason);
            return true;
        }
        if (e instanceof DatabaseUnavailableException) { // Transactions asked the database already
            state = "BLOCKED";
            error = "database unreachable";
            throw new OutageException("inbox " + handler.stream() + ": database unreachable (" + reason + ")", e);
        }
        if (!oneAtATime) {
            oneAtATime = true;
            state = "ONE_AT_A_TIME";
            LOG.warnf("inbox %s: a batch failed (%s); processing one message at a time", handler.stream(), reason);
            return true;
        }
        if (message == null) {
            // Failed outside any message (claim, mark, commit) while the database answers: back off and retry.
            throw e instanceof RuntimeException r ? r : new IllegalStateException(reason, e);
        }
        failedAttempts.incrementAndGet();
        boolean asideNow = transactions.run(uow -> inbox.recordFailure(uow, message.id(), reason,
                config.maxAttempts()));
        error = reason;
        if (asideNow) {
            setAside.incrementAndGet();
            LOG.errorf(e, "inbox %s: message %s (%s) failed %d times; set aside: %s", handler.stream(),
                    message.messageId(), message.type(), config.maxAttempts(), reason);
            return true;
        }
        throw e instanceof RuntimeException r ? r : new IllegalStateException(reason, e); // back off, then retry
    }

    private void cleanupIfDue() {
        if (cleanupEvery == null) {
            return;
        }
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).compareTo(cleanupEvery) < 0) {
            return;
        }
        lastCleanup = now;
        int deleted = inbox.deleteProcessedBefore(transactions.reads(), config.retention());
        if (deleted > 0) {
            LOG.infof("inbox %s: deleted %d processed messages older than %s", handler.stream(), deleted,
                    config.retention());
        }
    }
}
