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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs the {@link InboxWorker}s of each {@link InboxHandler} bean of the service — one, or as many as its
 * {@link InboxSettings#workers()} — and reports each stream's status and metrics
 * ({@code tideline_inbox_processed_total}, {@code tideline_inbox_set_aside_total},
 * {@code tideline_inbox_failed_attempts_total}, tagged by stream). A message accepted wakes every worker of its stream;
 * one of them deletes the stream's processed rows past the retention.
 */
@ApplicationScoped
public class InboxWorkers {

    private static final Logger LOG = Logger.getLogger(InboxWorkers.class);

    private final Map<String, List<InboxWorker>> workers = new LinkedHashMap<>();
    private final Instance<InboxHandler> handlers;

    public InboxWorkers(@Any Instance<InboxHandler> handlers, Inbox inbox, Transactions transactions,
            SchemaMigration schema, MessagingConfig config, MeterRegistry metrics) {
        MessagingConfig.Inbox defaults = config.inbox();
        for (InboxHandler handler : handlers) {
            String stream = handler.stream();
            if (workers.containsKey(stream)) {
                throw new IllegalStateException("two inbox handlers for the stream " + stream);
            }
            InboxSettings settings = handler.settings(new InboxSettings(defaults.batchSize(),
                    defaults.maxBatchTime(), defaults.pollInterval()));
            List<InboxWorker> group = new ArrayList<>(settings.workers());
            for (int i = 0; i < settings.workers(); i++) {
                String name = settings.workers() == 1 ? "inbox-" + stream : "inbox-" + stream + "-" + (i + 1);
                group.add(new InboxWorker(name, handler, settings, inbox, transactions, schema, defaults,
                        i == 0 ? config.cleanupInterval() : null));
            }
            workers.put(stream, List.copyOf(group));
            inbox.onAccepted(stream, () -> group.forEach(InboxWorker::wake));
            FunctionCounter.builder("tideline.inbox.processed", stream, s -> status(s).processed())
                    .tag("stream", stream).register(metrics);
            FunctionCounter.builder("tideline.inbox.set.aside", stream, s -> status(s).setAside())
                    .tag("stream", stream).register(metrics);
            FunctionCounter.builder("tideline.inbox.failed.attempts", stream, s -> status(s).failedAttempts())
                    .tag("stream", stream).register(metrics);
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
            for (InboxWorker worker : workers.get(handler.stream())) {
                if (handler.enabled()) {
                    worker.start();
                } else {
                    worker.disable();
                }
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.values().forEach(group -> group.forEach(InboxWorker::stop));
    }

    /** Ends the idle pause of the stream's workers (work was just accepted outside {@link Inbox#accept}). */
    public void wake(String stream) {
        workers.getOrDefault(stream, List.of()).forEach(InboxWorker::wake);
    }

    /** Each stream's status (its workers' combined). */
    public List<InboxStatus> statuses() {
        return workers.keySet().stream().map(this::status).toList();
    }

    private InboxStatus status(String stream) {
        return InboxStatus.combined(workers.get(stream).stream().map(InboxWorker::status).toList());
    }

    /** Runs one step of the stream's first worker on the calling thread (tests, tools); true if there may be more. */
    public boolean stepOnce(String stream) {
        List<InboxWorker> group = workers.get(stream);
        if (group == null) {
            throw new IllegalArgumentException("no inbox handler for the stream " + stream);
        }
        return group.get(0).step();
    }
}
