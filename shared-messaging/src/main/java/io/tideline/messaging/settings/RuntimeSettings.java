package io.tideline.messaging.settings;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.config.SettingChanged;
import io.tideline.messaging.Backoff;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.kafka.KafkaClientFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The current feature flags and runtime settings of the platform, as the gateway broadcasts them on the
 * {@code config} topic: a thread reads the (compacted) topic from the beginning at start and then follows it, keeping
 * the latest value of every key. No consumer group: every instance reads everything and commits nothing.
 *
 * <p>A setting never set, or set back to its default, reads as its {@link Setting#defaultValue() default}; so does a
 * value this build cannot read (logged). Until the topic is read, every setting has its default.
 */
@ApplicationScoped
public class RuntimeSettings {

    private static final Logger LOG = Logger.getLogger(RuntimeSettings.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaClientFactory clients;
    private final boolean enabled;
    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread reader;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile long applied;

    public RuntimeSettings(KafkaClientFactory clients, MessagingConfig config) {
        this.clients = clients;
        this.enabled = config.settings().enabled();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (reader != null) {
            return;
        }
        running = true;
        reader = new Thread(this::loop, "runtime-settings");
        reader.setDaemon(true);
        reader.start();
    }

    public synchronized void stop() {
        running = false;
        Thread current = reader;
        reader = null;
        KafkaConsumer<String, byte[]> reading = consumer;
        if (reading != null) {
            try {
                reading.wakeup();
            } catch (RuntimeException e) {
                // closed already: the loop has ended or is about to
            }
        }
        if (current != null) {
            try {
                current.join(1_000);
                if (current.isAlive()) {
                    current.interrupt(); // in a back-off pause, not in a poll
                    current.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A BOOLEAN setting's current value. */
    public boolean flag(Setting setting) {
        require(setting, Setting.Type.BOOLEAN);
        return Boolean.parseBoolean(current(setting));
    }

    /** An INTEGER setting's current value. */
    public long integer(Setting setting) {
        require(setting, Setting.Type.INTEGER);
        return Long.parseLong(current(setting));
    }

    /** The value set for a key, if one is (the default is not reported here). */
    public Optional<String> explicit(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Every key with a value set, in key order. */
    public Map<String, String> explicitValues() {
        return new TreeMap<>(values);
    }

    /** How many setting changes this instance has read since start. */
    public long appliedCount() {
        return applied;
    }

    private String current(Setting setting) {
        String value = values.get(setting.key());
        if (value == null) {
            return setting.defaultValue();
        }
        try {
            return setting.canonical(value);
        } catch (IllegalArgumentException e) {
            LOG.warnf("setting %s: '%s' %s; using the default %s", setting.key(), value, e.getMessage(),
                    setting.defaultValue());
            return setting.defaultValue();
        }
    }

    private static void require(Setting setting, Setting.Type type) {
        if (setting.type() != type) {
            throw new IllegalArgumentException(setting.key() + " is a " + setting.type() + " setting, not " + type);
        }
    }

    private void loop() {
        Backoff failures = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
        while (running) {
            try (KafkaConsumer<String, byte[]> consumer = clients.reader("runtime-settings")) {
                this.consumer = consumer;
                if (!running) {
                    break;
                }
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONFIG.name(), Duration.ofSeconds(10))
                        .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (partitions.isEmpty()) {
                    throw new IllegalStateException("the topic " + Topics.CONFIG.name() + " does not exist");
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                failures.reset();
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        apply(record);
                    }
                }
            } catch (WakeupException e) {
                break;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warnf("reading %s failed, retrying in %d ms: %s", Topics.CONFIG.name(),
                        failures.current().toMillis(), e.getMessage());
                running = failures.pause() && running;
            }
        }
    }

    /** Takes one record of the {@code config} topic; anything that is not a gateway's SettingChanged is skipped. */
    void apply(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> envelope;
        try {
            envelope = codec.decode(record.value());
        } catch (RuntimeException e) {
            LOG.warnf("config@%d-%d: not an event, skipped: %s", record.partition(), record.offset(), e.getMessage());
            return;
        }
        Optional<String> refusal = Topics.sourceRefusal(Topics.CONFIG.name(), envelope.source());
        if (refusal.isPresent() || !(envelope.payload() instanceof SettingChanged changed)) {
            LOG.warnf("config@%d-%d: skipped %s from %s", record.partition(), record.offset(), envelope.type(),
                    envelope.source());
            return;
        }
        if (changed.value() == null) {
            values.remove(changed.key());
        } else {
            values.put(changed.key(), changed.value());
        }
        applied++;
        LOG.infof("setting %s = %s (by %s)", changed.key(), changed.value() == null ? "<default>" : changed.value(),
                changed.changedBy());
    }
}
