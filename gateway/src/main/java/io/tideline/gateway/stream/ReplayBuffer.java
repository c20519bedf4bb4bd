package io.tideline.gateway.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last {@code capacity} replayable events of this instance, for clients that come back with a
 * {@code Last-Event-ID}. It knows the span it covers: every replayable event after {@code coveredAfter} is in it, so a
 * resume from inside the span gets exactly what was missed, and one from before it is told so (the events in between
 * are gone). Not thread-safe: the stream calls it under its lock.
 */
final class ReplayBuffer {

    private final int capacity;
    private final ArrayDeque<StreamEvent> events;
    private long coveredAfter;
    private long latest;

    ReplayBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1 << 16));
    }

    /** Takes note of the next event in sequence; keeps it if it is replayable, dropping the oldest when full. */
    void record(StreamEvent event) {
        if (event.sequence() <= latest) {
            throw new IllegalArgumentException("event " + event.sequence() + " is not after " + latest);
        }
        latest = event.sequence();
        if (!event.replayable()) {
            return;
        }
        if (events.size() == capacity) {
            coveredAfter = events.removeFirst().sequence();
        }
        events.addLast(event);
    }

    /**
     * The events after {@code sequence}, oldest first; empty when they cannot all be given: the sequence is older than
     * what the buffer covers, or later than anything this instance has streamed.
     */
    Optional<List<StreamEvent>> after(long sequence) {
        if (sequence < coveredAfter || sequence > latest) {
            return Optional.empty();
        }
        List<StreamEvent> missed = new ArrayList<>();
        var it = events.descendingIterator();
        while (it.hasNext()) {
            StreamEvent e = it.next();
            if (e.sequence() <= sequence) {
                break;
            }
            missed.add(e);
        }
        java.util.Collections.reverse(missed);
        return Optional.of(missed);
    }

    /** The sequence of the last event streamed, 0 before the first. */
    long latest() {
        return latest;
    }

    int size() {
        return events.size();
    }
}
