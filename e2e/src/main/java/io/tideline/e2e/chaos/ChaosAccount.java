package io.tideline.e2e.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.e2e.Settings;
import io.tideline.e2e.scenario.Receivers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The count at the end of {@code ./platform chaos}: from the services' databases, the broker and the local receivers
 * (never through the services' APIs), everything that happened since the chaos began —
 * <ul>
 *   <li>events: each published event is on Kafka, and every consumer applied each one it wants (no gap; a record the
 *       relay sent twice is counted as a redelivery the consumer absorbed), with no lag, parked key or dead letter;</li>
 *   <li>orders at the venues against the orders intended: none placed twice, none missing;</li>
 *   <li>alert deliveries: each exactly once per idempotency key at the receiver;</li>
 *   <li>webhook deliveries the platform acknowledged against those it processed.</li>
 * </ul>
 * Prints the tables; exits 1 on any loss or duplicate. Waits (up to {@code TIDELINE_CHAOS_SETTLE}, 180 s) for what is
 * merely late — an outbox not yet relayed, a consumer's lag, a delivery or webhook still pending — before judging.
 */
public final class ChaosAccount {

    private final ServiceDatabases databases;
    private final KafkaView kafka;
    private final Receivers receivers;
    private final Path ledger;
    private final Instant since;
    private boolean late;

    private ChaosAccount(ServiceDatabases databases, KafkaView kafka, Receivers receivers, Path ledger, Instant since) {
        this.databases = databases;
        this.kafka = kafka;
        this.receivers = receivers;
        this.ledger = ledger;
        this.since = since;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings("chaos accounting", "./platform chaos");
        Instant since = Instant.parse(settings.required("TIDELINE_CHAOS_SINCE"));
        Duration settle = Duration.ofSeconds(settings.number("TIDELINE_CHAOS_SETTLE", 180));
        ServiceDatabases databases = new ServiceDatabases(settings.text("TIDELINE_DB_HOST", "127.0.0.1"),
                settings.text("TIDELINE_DB_PORT", "5432"), System.getenv("TIDELINE_PG_SERVICE_PASSWORD"));
        try (KafkaView kafka = new KafkaView(settings.kafkaBootstrap())) {
            ChaosAccount account = new ChaosAccount(databases, kafka, new Receivers(settings.receivers()),
                    Path.of(settings.required("TIDELINE_E2E_LEDGER")), since);
            long deadline = System.nanoTime() + settle.toNanos();
            List<Table> tables;
            while (true) {
                account.late = false;
                tables = account.count();
                boolean bad = tables.stream().anyMatch(Table::anyFailed);
                if (!bad || !account.late || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(5000);
            }
            System.out.printf("%nChaos accounting since %s (rows marked !! are a loss, a duplicate or left over)%n",
                    since);
            tables.forEach(t -> t.print(System.out));
            boolean bad = tables.stream().anyMatch(Table::anyFailed);
            System.out.println(bad ? "\nLOSS OR DUPLICATE FOUND" : "\nnothing lost, nothing twice");
            System.exit(bad ? 1 : 0);
        }
    }

    private List<Table> count() throws Exception {
        EventLedger events = EventLedger.read(databases, since);
        List<Table> tables = new ArrayList<>();
        tables.add(topics(events));
        tables.add(consumers(events));
        tables.add(orders());
        tables.add(alerts());
        tables.add(webhooks());
        return tables;
    }

    /** Each topic: what the relays say they published since the start, against what is on Kafka. */
    private Table topics(EventLedger events) {
        Table t = new Table("Events published (outbox_sent) against Kafka", "topic", "published", "on Kafka",
                "records", "redelivered", "not on Kafka");
        Map<String, Set<UUID>> byTopic = new TreeMap<>();
        for (EventLedger.Published p : events.published.values()) {
            if (!p.sentAt().isBefore(since)) {
                byTopic.computeIfAbsent(p.topic(), k -> new HashSet<>()).add(p.eventId());
            }
        }
        for (var e : byTopic.entrySet()) {
            // a record's Kafka timestamp is set before its row is marked sent: read from a minute earlier
            KafkaView.TopicContent content = kafka.readSince(e.getKey(), since.minusSeconds(60));
            Set<UUID> missing = new HashSet<>(e.getValue());
            missing.removeAll(content.eventIds());
            t.row(!missing.isEmpty(), e.getKey(), e.getValue().size(), content.eventIds().size(), content.records(),
                    content.records() - content.eventIds().size(), missing.size());
        }
        long unsent = events.unsent.values().stream().mapToLong(Long::longValue).sum();
        if (unsent > 0) {
            late = true;
        }
        t.row(unsent > 0, "(still in outboxes)", unsent, "", "", "", "");
        return t;
    }

    /** Each consumer: the events it wants that were published since the start, against what it applied. */
    private Table consumers(EventLedger events) throws Exception {
        Table t = new Table("Events applied per consumer (processed_event)", "consumer", "topics", "published",
                "wanted", "applied", "missing", "lag", "parked keys", "dead-lettered");
        Map<String, KafkaView.Group> groups = kafka.groups(ServiceDatabases.OF_SERVICE.keySet());
        for (KafkaView.Group group : new TreeMap<>(groups).values()) {
            String service = group.id().substring(0, group.id().indexOf('.'));
            EventLedger.Consumer consumer = new EventLedger.Consumer(service, group.id().substring(service.length() + 1));
            if (group.topics().isEmpty() || !events.applied.containsKey(consumer) && group.topics().contains("config")) {
                continue; // runtime settings, applied by every instance without a ledger
            }
            Set<String> wanted = events.wantedTypes(consumer);
            Set<UUID> applied = events.applied.getOrDefault(consumer, Set.of());
            long published = 0;
            long wantedCount = 0;
            long appliedCount = 0;
            long missing = 0;
            for (EventLedger.Published p : events.published.values()) {
                if (p.sentAt().isBefore(since) || !group.topics().contains(p.topic())) {
                    continue;
                }
                published++;
                if (!wanted.contains(p.type())) {
                    continue;
                }
                wantedCount++;
                if (applied.contains(p.eventId())) {
                    appliedCount++;
                } else {
                    missing++;
                }
            }
            long parked = events.parkedKeys.getOrDefault(consumer, 0L);
            long dead = events.deadLettered.getOrDefault(consumer, 0L);
            if (missing > 0 || group.lag() > 0) {
                late = true;
            }
            t.row(missing > 0 || group.lag() > 0 || parked > 0 || dead > 0, group.id(), String.join(",", group.topics()),
                    published, wantedCount, appliedCount, missing, group.lag(), parked, dead);
        }
        return t;
    }

    /** Orders the services meant to place against those the paper venues hold. */
    private Table orders() throws SQLException {
        Table t = new Table("Orders intended against orders at the venue", "service", "intended", "sent",
                "at the venue", "placed twice", "missing", "unknown to the service");
        orderRow(t, "perp-hedger", "select external_id, venue_order_id is not null from perp_order"
                        + " where venue = 'paper' and created_at >= ?",
                "select external_id, count(*) from paper_order where external_id = any(?) group by external_id",
                "select count(*) from paper_order where created_at >= ? and not exists"
                        + " (select 1 from perp_order o where o.external_id = paper_order.external_id)");
        orderRow(t, "settlement", "select client_order_id, venue_order_id is not null from tp_order"
                        + " where venue = 'paper' and created_at >= ?",
                "select client_order_id, count(*) from paper_order where client_order_id = any(?) group by client_order_id",
                "select count(*) from paper_order where created_at >= ? and not exists"
                        + " (select 1 from tp_order o where o.client_order_id = paper_order.client_order_id)");
        return t;
    }

    private void orderRow(Table t, String service, String intendedSql, String venueSql, String unknownSql)
            throws SQLException {
        try (Connection c = databases.open(service)) {
            List<String> ids = new ArrayList<>();
            Set<String> sent = new HashSet<>();
            try (PreparedStatement p = c.prepareStatement(intendedSql)) {
                p.setTimestamp(1, Timestamp.from(since));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                        if (r.getBoolean(2)) {
                            sent.add(r.getString(1));
                        }
                    }
                }
            }
            Map<String, Long> atVenue = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement(venueSql)) {
                p.setArray(1, c.createArrayOf("varchar", ids.toArray()));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        atVenue.put(r.getString(1), r.getLong(2));
                    }
                }
            }
            long unknown;
            try (PreparedStatement p = c.prepareStatement(unknownSql)) {
                p.setTimestamp(1, Timestamp.from(since));
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    unknown = r.getLong(1);
                }
            }
            long twice = atVenue.values().stream().filter(n -> n > 1).count();
            long missing = sent.stream().filter(id -> !atVenue.containsKey(id)).count();
            t.row(twice > 0 || missing > 0 || unknown > 0, service, ids.size(), sent.size(),
                    atVenue.values().stream().mapToLong(Long::longValue).sum(), twice, missing, unknown);
        }
    }

    /** Alert notifications alerting recorded since the start, against what the receivers took in. */
    private Table alerts() throws Exception {
        Table t = new Table("Alert deliveries: alerting's record against the receivers", "channel", "deliveries",
                "delivered", "pending", "failed", "suppressed", "received once", "received twice", "lost");
        Map<String, Integer> received = new HashMap<>();
        for (JsonNode snapshot : List.of(receivers.mail(), receivers.webhooks())) {
            for (JsonNode e : snapshot.path("received")) {
                received.merge(e.path("idempotencyKey").asText(), e.path("count").asInt(), Integer::sum);
            }
        }
        Map<String, long[]> byChannel = new TreeMap<>();
        try (Connection c = databases.open("alerting");
             PreparedStatement p = c.prepareStatement(
                     "select channel, idempotency_key, state from delivery where created_at >= ?")) {
            p.setTimestamp(1, Timestamp.from(since));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long[] n = byChannel.computeIfAbsent(r.getString(1), k -> new long[8]);
                    String state = r.getString(3);
                    int copies = received.getOrDefault(r.getString(2), 0);
                    n[0]++;
                    switch (state) {
                        case "DELIVERED" -> n[1]++;
                        case "PENDING" -> n[2]++;
                        case "FAILED" -> n[3]++;
                        default -> n[4]++;
                    }
                    if (copies == 1) {
                        n[5]++;
                    } else if (copies > 1) {
                        n[6]++;
                    } else if (state.equals("DELIVERED")) {
                        n[7]++;
                    }
                }
            }
        }
        for (var e : byChannel.entrySet()) {
            long[] n = e.getValue();
            if (n[2] > 0) {
                late = true;
            }
            t.row(n[2] > 0 || n[3] > 0 || n[6] > 0 || n[7] > 0, e.getKey(), n[0], n[1], n[2], n[3], n[4], n[5], n[6],
                    n[7]);
        }
        return t;
    }

    /** Webhook deliveries the scenario saw acknowledged (its ledger) against pnl-ingest's inbox. */
    private Table webhooks() throws Exception {
        Table t = new Table("Webhook deliveries: acknowledged against processed", "stream", "acknowledged",
                "in the inbox", "processed", "set aside", "pending", "lost");
        Set<String> acknowledged = new HashSet<>();
        if (Files.exists(ledger)) {
            for (String line : Files.readAllLines(ledger)) {
                String[] parts = line.split(" ");
                if (parts.length >= 2 && parts[0].equals("webhook-acknowledged")) {
                    acknowledged.add(parts[1]);
                }
            }
        }
        long inInbox = 0;
        long processed = 0;
        long setAside = 0;
        long pending = 0;
        try (Connection c = databases.open("pnl-ingest");
             // a delivery touching several desk wallets is one message per wallet, "<delivery id>|<wallet>"
             PreparedStatement p = c.prepareStatement("select split_part(message_id, '|', 1),"
                     + " bool_and(processed_at is not null), bool_or(set_aside_at is not null) from inbox"
                     + " where stream = 'alchemy-webhooks' and split_part(message_id, '|', 1) = any(?) group by 1")) {
            p.setArray(1, c.createArrayOf("varchar", acknowledged.toArray()));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    inInbox++;
                    if (r.getBoolean(2)) {
                        processed++;
                    } else if (r.getBoolean(3)) {
                        setAside++;
                    } else {
                        pending++;
                    }
                }
            }
        }
        if (pending > 0) {
            late = true;
        }
        long lost = acknowledged.size() - inInbox;
        t.row(lost > 0 || setAside > 0 || pending > 0, "alchemy-webhooks", acknowledged.size(), inInbox, processed,
                setAside, pending, lost);
        return t;
    }
}
