package io.tideline.e2e.chaos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the services published and applied, from their databases: every event the relays put on Kafka
 * ({@code outbox_sent}), what is still waiting in an outbox, and per consumer the events it applied
 * ({@code processed_event}), its parked keys and dead-lettered records.
 */
final class EventLedger {

    /** One published event. */
    record Published(UUID eventId, String topic, String type, Instant sentAt) {
    }

    /** A consumer: its service and handler name ({@code <service>.<name>} is its Kafka group). */
    record Consumer(String service, String name) {
        String group() {
            return service + "." + name;
        }
    }

    final Map<UUID, Published> published = new HashMap<>();
    final Map<String, Long> unsent = new HashMap<>();
    final Map<Consumer, Set<UUID>> applied = new HashMap<>();
    final Map<Consumer, Long> parkedKeys = new HashMap<>();
    final Map<Consumer, Long> deadLettered = new HashMap<>();

    static EventLedger read(ServiceDatabases databases, Instant since) throws SQLException {
        EventLedger ledger = new EventLedger();
        for (String service : ServiceDatabases.OF_SERVICE.keySet()) {
            try (Connection c = databases.open(service); Statement s = c.createStatement()) {
                if (!hasTable(c, "outbox_sent")) {
                    continue;
                }
                try (ResultSet r = s.executeQuery("select event_id, topic, event_type, sent_at from outbox_sent")) {
                    while (r.next()) {
                        UUID id = (UUID) r.getObject(1);
                        ledger.published.putIfAbsent(id, new Published(id, r.getString(2), r.getString(3),
                                r.getTimestamp(4).toInstant()));
                    }
                }
                try (ResultSet r = s.executeQuery("select count(*) from outbox where sent_at is null")) {
                    r.next();
                    ledger.unsent.put(service, r.getLong(1));
                }
                try (ResultSet r = s.executeQuery("select consumer, event_id from processed_event")) {
                    while (r.next()) {
                        ledger.applied.computeIfAbsent(new Consumer(service, r.getString(1)), k -> new HashSet<>())
                                .add((UUID) r.getObject(2));
                    }
                }
                try (ResultSet r = s.executeQuery("select consumer, count(*) from parked_key group by consumer")) {
                    while (r.next()) {
                        ledger.parkedKeys.put(new Consumer(service, r.getString(1)), r.getLong(2));
                    }
                }
                try (var p = c.prepareStatement("select consumer, count(*) from parked_event where dead_lettered"
                        + " and parked_at >= ? group by consumer")) {
                    p.setTimestamp(1, java.sql.Timestamp.from(since));
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            ledger.deadLettered.put(new Consumer(service, r.getString(1)), r.getLong(2));
                        }
                    }
                }
            }
        }
        return ledger;
    }

    /** The event types this consumer applied at least once: what its handler wants. */
    Set<String> wantedTypes(Consumer consumer) {
        Set<String> types = new HashSet<>();
        for (UUID id : applied.getOrDefault(consumer, Set.of())) {
            Published p = published.get(id);
            if (p != null) {
                types.add(p.type());
            }
        }
        return types;
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (ResultSet r = c.getMetaData().getTables(null, "public", table, null)) {
            return r.next();
        }
    }
}
