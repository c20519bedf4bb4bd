package io.tideline.messaging.inbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs one {@link InboxWorker} per {@link InboxHandler} bean of the service, and reports their status and metrics
 * ({@code tideline_inbox_processed_total}, {@code tideline_inbox_set_aside_total},
 * {@code tideline_inbox_failed_attempts_total}, tagged by stream).
 */
@ApplicationScoped
public class InboxWorkers {

    private static final Logger LOG = Logger.getLogger(InboxWorkers.class);

    private final Map<String, InboxWorker> workers = new LinkedHashMap<>();
    private final Instance<InboxHandler> handlers;

    public InboxWorkers(@Any Instance<InboxHandler> handlers, Inbox inbox, Transactions transactions,
            SchemaMigration schema, MessagingConfig config, MeterRegistry metrics) {
        for (InboxHandler handler : handlers) {
            if (workers.containsKey(handler.stream())) {
                throw new IllegalStateException("two inbox handlers for the stream " + handler.stream());
            }
            InboxWorker worker = new InboxWorker(handler, inbox, transactions, schema, config.inbox(),
                    config.cleanupInterval());
            workers.put(handler.stream(), worker);
            FunctionCounter.builder("tideline.inbox.processed", worker, w -> w.status().processed())
                    .tag("stream", handler.stream()).register(metrics);
            FunctionCounter.builder("tideline.inbox.set.aside", worker, w -> w.status().setAside())
                    .tag("stream", handler.stream()).register(metrics);
            FunctionCounter.builder("tideline.inbox.failed.attempts", worker, w -> w.status().failedAttempts())
                    .tag("stream", handler.stream()).register(metrics);
        }
        for (InboxHandler handler : handlers) {
            if (!handler.enabled()) {
                LOG.warnf("inbox %s: processing is off; messages are stored only", handler.stream());
            }
        }
        this.handlers = handlers;
    }

    void onStart(@Observes StartupEvent event) {
        for (InboxHandler handler : handlers) {
            if (handler.enabled()) {
                workers.get(handler.stream()).start();
            } else {
                workers.get(handler.stream()).disable();
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.values().forEach(InboxWorker::stop);
    }

    /** Ends the stream worker's idle pause (work was just accepted outside {@link Inbox#accept}). */
    public void wake(String stream) {
        InboxWorker worker = workers.get(stream);
        if (worker != null) {
            worker.wake();
        }
    }

    public List<InboxStatus> statuses() {
        return workers.values().stream().map(InboxWorker::status).toList();
    }

    /** Runs one step of the stream's worker on the calling thread (tests and tools); true if there may be more. */
    public boolean stepOnce(String stream) {
        InboxWorker worker = workers.get(stream);
        if (worker == null) {
            throw new IllegalArgumentException("no inbox handler for the stream " + stream);
        }
        return worker.step();
    }
}
