package io.tideline.e2e.receivers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the receivers took in, by idempotency key: how often each notification arrived (a count above one is a
 * duplicate delivery) and what it said. Thread-safe; kept in memory for as long as the receivers run.
 */
public final class Received {

    private final Map<String, Entry> byKey = new LinkedHashMap<>();
    private final List<String> refusals = new ArrayList<>();

    public synchronized void accept(String idempotencyKey, Map<String, String> fields, Instant at) {
        Entry entry = byKey.get(idempotencyKey);
        if (entry == null) {
            byKey.put(idempotencyKey, new Entry(idempotencyKey, fields, at, at, 1));
        } else {
            byKey.put(idempotencyKey, new Entry(idempotencyKey, entry.fields(), entry.firstAt(), at, entry.count() + 1));
        }
    }

    public synchronized void refuse(String reason) {
        refusals.add(reason);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(List.copyOf(byKey.values()), List.copyOf(refusals));
    }

    /** One notification: its key, what it carried (alert id, kind, severity, title or subject, ...), arrivals. */
    public record Entry(String idempotencyKey, Map<String, String> fields, Instant firstAt, Instant lastAt, int count) {
    }

    /** Everything received so far, in arrival order of each key's first copy, and the refused requests' reasons. */
    public record Snapshot(List<Entry> received, List<String> refused) {
    }
}
