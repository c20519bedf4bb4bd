package io.tideline.messaging.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.kafka.KafkaClientFactory;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts one consumer thread per {@link EventHandler} bean of the service, once the schema is migrated, and stops
 * them on shutdown.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final Instance<EventHandler> handlers;
    private final MessagingConfig config;
    private final KafkaClientFactory clients;
    private final TransactionalApplier applier;
    private final DeadLetterPublisher deadLetters;
    private final SchemaMigration schema;
    private final ParkedKeys parked;
    private final Transactions transactions;
    private final List<EventConsumerRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public EventConsumers(@Any Instance<EventHandler> handlers, MessagingConfig config, KafkaClientFactory clients,
                          TransactionalApplier applier, DeadLetterPublisher deadLetters,
                          SchemaMigration schema, ParkedKeys parked, Transactions transactions) {
        this.handlers = handlers;
        this.config = config;
        this.clients = clients;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.schema = schema;
        this.parked = parked;
        this.transactions = transactions;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.consumer().enabled()) {
            LOG.info("event consumers are disabled (tideline.messaging.consumer.enabled=false)");
            return;
        }
        for (EventHandler handler : handlers) {
            start(handler);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopAll();
    }

    /** Starts consuming for one handler; the consumer group is {@code <service>.<handler name>}. */
    public synchronized void start(EventHandler handler) {
        String group = config.service() + "." + handler.name();
        EventConsumerRunner runner = new EventConsumerRunner(handler, group, config.consumer(),
                config.cleanupInterval(), clients, applier, deadLetters, parked, transactions);
        Thread thread = new Thread(() -> {
            schema.awaitMigrated();
            runner.run();
        }, "consumer-" + handler.name());
        thread.setDaemon(true);
        runners.add(runner);
        threads.add(thread);
        thread.start();
        LOG.infof("consuming %s as group %s", handler.topics(), group);
    }

    public synchronized void stopAll() {
        runners.forEach(EventConsumerRunner::stop);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runners.clear();
        threads.clear();
    }

    /**
     * Re-drives a key the handler named {@code handler} parked (see {@link ParkedKeys#redrive}).
     *
     * @return how many records were applied
     */
    public int redrive(String handlerName, String key, boolean skipDeadLettered) {
        EventHandler handler = handlers.stream().filter(h -> h.name().equals(handlerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event handler named '" + handlerName + "'"));
        return parked.redrive(handler, handlerName, key, skipDeadLettered);
    }

    public synchronized List<ConsumerStatus> statuses() {
        return runners.stream().map(EventConsumerRunner::status).toList();
    }
}
