package io.tideline.alerting.deadletter;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.alerting.alert.AlertService;
import io.tideline.alerting.alert.Signal;
import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.RuleCatalog;
import io.tideline.alerting.rule.RuleKind;
import io.tideline.alerting.rule.Subject;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.kafka.KafkaClientFactory;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;

/**
 * Watches every dead-letter topic (thread {@code alerting-dead-letters}): the records there are raw, often not
 * decodable (that may be why they are there), so they are read as bytes, not through the event consumers. Each
 * record is recorded once by topic, partition and offset in {@code dead_letter_seen}, in the unit of work that fires
 * the DEAD_LETTER rules for it; offsets are committed after that commit, so a crash re-reads and skips.
 */
@ApplicationScoped
public class DeadLetterWatch {

    private static final Logger LOG = Logger.getLogger(DeadLetterWatch.class);
    static final Pattern DEAD_LETTER_TOPICS = Pattern.compile(".*\\.dlq");

    private final KafkaClientFactory clients;
    private final Transactions transactions;
    private final RuleCatalog rules;
    private final AlertService alerts;
    private final SchemaMigration schema;
    private final String groupId;
    private final PollingWorker worker;
    private KafkaConsumer<String, byte[]> consumer;

    public DeadLetterWatch(KafkaClientFactory clients, Transactions transactions, RuleCatalog rules,
            AlertService alerts, SchemaMigration schema, MessagingConfig messaging) {
        this.clients = clients;
        this.transactions = transactions;
        this.rules = rules;
        this.alerts = alerts;
        this.schema = schema;
        this.groupId = messaging.service() + ".dead-letters";
        this.worker = new PollingWorker("alerting-dead-letters", this::step, Duration.ofMillis(10),
                Duration.ofSeconds(30));
    }

    void onStart(@Observes StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(30));
        close();
    }

    /** One poll: true when records came (poll again at once). */
    boolean step() {
        if (!schema.isMigrated()) {
            return false;
        }
        try {
            if (consumer == null) {
                consumer = clients.consumer(groupId, 500);
                consumer.subscribe(DEAD_LETTER_TOPICS);
            }
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                return false;
            }
            List<DeadLetter> letters = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                letters.add(DeadLetter.of(r));
            }
            transactions.execute(uow -> {
                for (DeadLetter d : letters) {
                    int fresh = uow.exec("insert into dead_letter_seen (topic, partition_no, record_offset, seen_at)"
                            + " values ($1, $2, $3, now()) on conflict do nothing",
                            Tuple.of(d.topic(), d.partition(), d.offset()));
                    if (fresh == 0) {
                        continue;
                    }
                    Subject subject = Subject.of(d.topic());
                    for (AlertRule rule : rules.of(RuleKind.DEAD_LETTER)) {
                        if (rule.params().topic() == null || rule.params().topic().equals(d.topic())) {
                            alerts.apply(uow, Signal.firing(rule, subject, d.title(), d.detail(), null,
                                    d.arrivedAt()));
                        }
                    }
                }
            });
            consumer.commitSync();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("dead-letter watch: %s; reconnecting after a back-off", e.toString());
            close();
            throw e;
        }
    }

    private void close() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException ignored) {
                // closing a broken consumer
            }
            consumer = null;
        }
    }
}
