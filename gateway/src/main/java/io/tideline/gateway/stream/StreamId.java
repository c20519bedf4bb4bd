package io.tideline.gateway.stream;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event's id on the stream: {@code <epoch>-<sequence>}. The epoch names this gateway process (new at every start,
 * different on every instance); the sequence counts the events it has streamed, 1 and up, across all topics in the
 * order it read them. So an id says exactly where a client stopped on this instance, and an id of another instance or
 * of an earlier run is recognised as such instead of being taken for a position here.
 */
public record StreamId(String epoch, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("([0-9a-z]{1,24})-([0-9]{1,18})");
    private static final SecureRandom RANDOM = new SecureRandom();

    public StreamId {
        if (!epoch.matches("[0-9a-z]{1,24}") || sequence < 0) {
            throw new IllegalArgumentException("not a stream id: " + epoch + "-" + sequence);
        }
    }

    /** A new epoch: the start time and 40 random bits, base 36. */
    public static String newEpoch() {
        return Long.toString(System.currentTimeMillis(), 36) + Long.toString(RANDOM.nextLong() >>> 24, 36);
    }

    /** Reads an id this stream wrote; empty when the text is not one. */
    public static Optional<StreamId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new StreamId(m.group(1), Long.parseLong(m.group(2))));
    }

    @Override
    public String toString() {
        return epoch + "-" + sequence;
    }
}
