package io.tideline.gateway.stream;

import io.tideline.events.Topics;

import java.util.List;
import java.util.Set;

/**
 * The topics the live stream serves. The five business topics are streamed by default and kept for replay;
 * {@code market.prices} is opt-in ({@code ?topic=market.prices}) and live only: prices come often and each one
 * supersedes the last, so they would crowd the business events out of the replay buffer for nothing.
 */
public final class StreamTopics {

    /** Streamed when the caller names no topic, in catalogue order. */
    public static final List<String> DEFAULT = List.of(Topics.LP_POSITIONS.name(), Topics.PERP_HEDGES.name(),
            Topics.PNL_EXECUTIONS.name(), Topics.MM_SETTLEMENT.name(), Topics.ALERTS.name());

    /** Streamed only to a caller who names them, and never replayed. */
    public static final List<String> OPT_IN = List.of(Topics.MARKET_PRICES.name());

    /** Every topic the stream reads from Kafka, in catalogue order. */
    public static final List<String> READ = concat(DEFAULT, OPT_IN);

    /** Every topic a caller may name. */
    public static final Set<String> ALL = Set.copyOf(READ);

    private StreamTopics() {
    }

    /** Whether an event of this topic goes into the replay buffer. */
    public static boolean replayable(String topic) {
        return !OPT_IN.contains(topic);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
