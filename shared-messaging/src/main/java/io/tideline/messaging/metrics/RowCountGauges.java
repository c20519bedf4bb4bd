package io.tideline.messaging.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.events.Topics;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The services' business gauges ({@link CountedRows} beans), the outbox backlog
 * ({@code tideline_outbox_pending{topic}}) and the inbox backlog ({@code tideline_inbox_pending{stream}}: pnl-ingest's
 * webhook deliveries waiting), refreshed from the database every
 * {@code tideline.messaging.metrics.refresh} (30 s) on one background thread, never on the scrape. A refresh that
 * fails leaves the last values in place.
 */
@ApplicationScoped
public class RowCountGauges {

    private static final Logger LOG = Logger.getLogger(RowCountGauges.class);

    static final CountedRows OUTBOX_PENDING = new CountedRows("tideline.outbox.pending", "topic",
            "select topic, count(*) from outbox where sent_at is null group by topic",
            Topics.all().stream().map(Topics.TopicSpec::name).collect(Collectors.toSet()));
    static final CountedRows INBOX_PENDING = new CountedRows("tideline.inbox.pending", "stream",
            "select stream, count(*) from inbox where processed_at is null and set_aside_at is null group by stream");

    private record Family(CountedRows rows, MultiGauge gauge, Map<String, Long> counts) {
    }

    private final List<Family> families = new ArrayList<>();
    private final Transactions transactions;
    private final SchemaMigration schema;
    private final Duration refresh;
    private ScheduledExecutorService executor;

    public RowCountGauges(@Any Instance<CountedRows> declared, Transactions transactions, SchemaMigration schema,
            MeterRegistry registry,
            @ConfigProperty(name = "tideline.messaging.metrics.refresh", defaultValue = "30s") Duration refresh) {
        List<CountedRows> all = new ArrayList<>();
        all.add(OUTBOX_PENDING);
        all.add(INBOX_PENDING);
        declared.forEach(all::add);
        for (CountedRows rows : all) {
            families.add(new Family(rows, MultiGauge.builder(rows.metric()).register(registry),
                    new LinkedHashMap<>()));
        }
        this.transactions = transactions;
        this.schema = schema;
        this.refresh = refresh;
    }

    void onStart(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "row-count-gauges");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refreshAll, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Reads every family's counts now (the scheduled refresh; tests call it directly). */
    public void refreshAll() {
        if (!schema.isMigrated()) {
            return;
        }
        for (Family family : families) {
            try {
                Map<String, Long> counted = new LinkedHashMap<>();
                transactions.reads().list(family.rows().sql(), Tuple.tuple(),
                        row -> counted.put(String.valueOf(row.getValue(0)), row.getLong(1)));
                Map<String, Long> next = RowCounts.next(family.rows().known(), family.counts(), counted);
                synchronized (family.counts()) {
                    family.counts().clear();
                    family.counts().putAll(next);
                }
                family.gauge().register(next.entrySet().stream()
                        .map(e -> MultiGauge.Row.of(Tags.of(family.rows().tag(), e.getKey()), e.getValue()))
                        .toList(), true);
            } catch (RuntimeException e) {
                LOG.debugf(e, "could not refresh %s: %s", family.rows().metric(), e.getMessage());
            }
        }
    }
}
