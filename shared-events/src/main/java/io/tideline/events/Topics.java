package io.tideline.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of Kafka topics: names, partition counts and the dead-letter topic of each (ARCHITECTURE.md).
 */
public final class Topics {

    /** Suffix of the dead-letter topic that a consumer of {@code topic} writes records it cannot process to. */
    public static final String DLQ_SUFFIX = ".dlq";

    public static final TopicSpec LP_POSITIONS = new TopicSpec("lp.positions", 6,
            "LP position lifecycle and valuations, keyed chainId:positionManager:tokenId");
    public static final TopicSpec PERP_HEDGES = new TopicSpec("perp.hedges", 6,
            "Perp hedges of LP positions, keyed by the LP position key");
    public static final TopicSpec PNL_EXECUTIONS = new TopicSpec("pnl.executions", 6,
            "Wallet activity, executions and realized P&L, keyed by wallet address");
    public static final TopicSpec MM_FILLS = new TopicSpec("mm.fills", 6,
            "Market-maker fills, keyed sessionId:pair");
    public static final TopicSpec MM_SETTLEMENT = new TopicSpec("mm.settlement", 6,
            "Settlement of market-maker positions, keyed sessionId:pair");
    public static final TopicSpec MARKET_PRICES = new TopicSpec("market.prices", 3,
            "Observed prices, keyed chainId:pool or market symbol");
    public static final TopicSpec ALERTS = new TopicSpec("alerts", 3,
            "Alert lifecycle, keyed by rule id or position key");
    /**
     * Feature flags and runtime settings as the gateway changes them, keyed by the setting's key. Compacted: the
     * latest value of every key stays, however old, so a service that starts reads the whole current configuration.
     */
    public static final TopicSpec CONFIG = new TopicSpec("config", 1,
            "Feature flags and runtime settings, keyed by setting key (compacted)", true);

    private static final List<TopicSpec> EVENT_TOPICS = List.of(
            LP_POSITIONS, PERP_HEDGES, PNL_EXECUTIONS, MM_FILLS, MM_SETTLEMENT, MARKET_PRICES, ALERTS, CONFIG);

    private Topics() {
    }

    /** The topics events are published on (without their dead-letter topics). */
    public static List<TopicSpec> eventTopics() {
        return EVENT_TOPICS;
    }

    /** Every topic to provision: each event topic followed by its dead-letter topic. */
    public static List<TopicSpec> all() {
        List<TopicSpec> all = new ArrayList<>();
        for (TopicSpec topic : EVENT_TOPICS) {
            all.add(topic);
            all.add(topic.deadLetter());
        }
        return List.copyOf(all);
    }

    /** The catalogue entry for a topic name, dead-letter topics included. */
    public static Optional<TopicSpec> byName(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The services that may publish on a topic (an envelope's {@code source}); empty where outside parties publish
     * too (fills from the market maker or the importer, prices from venue feeds). Consumers refuse, to the
     * dead-letter topic, an event whose source does not own its topic.
     */
    public static Set<String> producers(String topic) {
        return PRODUCERS.getOrDefault(topic, Set.of());
    }

    /** Why an event from {@code source} on {@code topic} must be refused, or empty if its source may publish there. */
    public static Optional<String> sourceRefusal(String topic, String source) {
        Set<String> owners = producers(topic);
        if (owners.isEmpty() || owners.contains(source)) {
            return Optional.empty();
        }
        return Optional.of("source '" + source + "' may not publish on " + topic + " (its producers: "
                + String.join(", ", new java.util.TreeSet<>(owners)) + ")");
    }

    private static final Map<String, Set<String>> PRODUCERS = Map.of(
            LP_POSITIONS.name(), Set.of("lp-tracker"),
            PERP_HEDGES.name(), Set.of("perp-hedger"),
            PNL_EXECUTIONS.name(), Set.of("pnl-ingest"),
            MM_SETTLEMENT.name(), Set.of("settlement"),
            ALERTS.name(), Set.of("alerting", "settlement"),
            CONFIG.name(), Set.of("gateway"));

    /** The dead-letter topic name for a source topic. */
    public static String deadLetterOf(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /**
     * A topic with the partition count it is created with.
     *
     * @param compacted created with {@code cleanup.policy=compact}: the broker keeps the latest record of every key
     *                  instead of deleting by age
     */
    public record TopicSpec(String name, int partitions, String description, boolean compacted) {

        public TopicSpec(String name, int partitions, String description) {
            this(name, partitions, description, false);
        }

        public TopicSpec {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("topic name is required");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
            }
        }

        public boolean isDeadLetter() {
            return name.endsWith(DLQ_SUFFIX);
        }

        /**
         * The dead-letter topic of this topic: same partition count, so a record keeps its key's partition; never
         * compacted (every dead letter is kept until its retention).
         */
        public TopicSpec deadLetter() {
            if (isDeadLetter()) {
                throw new IllegalStateException(name + " is already a dead-letter topic");
            }
            return new TopicSpec(deadLetterOf(name), partitions, "Dead letters of " + name);
        }
    }
}
