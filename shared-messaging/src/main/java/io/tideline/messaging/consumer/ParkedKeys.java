package io.tideline.messaging.consumer;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.messaging.lineage.Correlation;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-key order after a poison record: when a consumer dead-letters a record it could not apply, the record's key is
 * parked, and the key's later records are kept in {@code parked_event} (in order) instead of being applied past the
 * failed one. An operator fixes the cause and re-drives the key: its records, the dead-lettered one first unless told
 * to skip it, are applied in order in one unit of work and the key is released.
 */
@ApplicationScoped
public class ParkedKeys {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    private final Transactions transactions;
    private final IdempotentConsumer idempotent;

    public ParkedKeys(Transactions transactions, IdempotentConsumer idempotent) {
        this.transactions = transactions;
        this.idempotent = idempotent;
    }

    /** Which of these keys the consumer has parked. */
    public Set<String> parkedAmong(Sql sql, String consumer, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.list("select event_key from parked_key where consumer = $1 and event_key = any($2)",
                Tuple.of(consumer, keys.toArray(String[]::new)), r -> r.getString(0)));
    }

    /** Parks the key (if it is not yet) with the reason, and keeps the record behind it. */
    void park(UnitOfWork uow, String consumer, ParkedRecord record, String reason) {
        uow.exec("insert into parked_key (consumer, event_key, reason) values ($1, $2, $3)"
                + " on conflict (consumer, event_key) do nothing", consumer, record.event().key(), reason);
        keep(uow, consumer, record, true);
    }

    /** Keeps a record of a parked key, behind the ones already kept. */
    void keep(UnitOfWork uow, String consumer, ParkedRecord record, boolean deadLettered) {
        EventEnvelope<?> event = record.event();
        uow.exec("insert into parked_event (consumer, event_key, event_id, event_type, envelope, dead_lettered,"
                + " source_topic, source_partition, source_offset) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                + " on conflict (consumer, event_id) do nothing",
                Tuple.from(new Object[] {consumer, event.key(), event.eventId(), event.type(),
                        new String(CODEC.encode(event), StandardCharsets.UTF_8), deadLettered, record.topic(),
                        record.partition(), record.offset()}));
    }

    /** The parked keys of every consumer, oldest first, with how many records each holds. */
    public List<ParkedKey> list(Sql sql) {
        return sql.list("select k.consumer, k.event_key, k.reason, k.parked_at, count(e.id) as records"
                + " from parked_key k left join parked_event e on e.consumer = k.consumer and e.event_key = k.event_key"
                + " group by k.consumer, k.event_key, k.reason, k.parked_at order by k.parked_at",
                Tuple.tuple(), r -> new ParkedKey(r.getString("consumer"), r.getString("event_key"),
                        r.getString("reason"), Sql.instant(r, "parked_at"), r.getLong("records")));
    }

    /**
     * Applies the key's kept records in order through the handler and releases the key, all in one unit of work; if
     * one still fails, nothing changes and the failure is thrown.
     *
     * @param skipDeadLettered drop the record that parked the key instead of applying it (it is on the DLQ)
     * @return how many records were applied
     */
    public int redrive(EventHandler handler, String consumer, String key, boolean skipDeadLettered) {
        return transactions.run(uow -> {
            boolean parked = uow.exec("delete from parked_key where consumer = $1 and event_key = $2",
                    consumer, key) > 0;
            if (!parked) {
                throw new IllegalArgumentException("the key '" + key + "' is not parked by " + consumer);
            }
            List<KeptEvent> kept = uow.list("delete from parked_event where consumer = $1 and event_key = $2"
                    + " returning id, envelope, dead_lettered", Tuple.of(consumer, key), r -> new KeptEvent(
                    r.getLong("id"), r.getString("envelope"), r.getBoolean("dead_lettered")));
            int applied = 0;
            for (KeptEvent event : kept.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList()) {
                if (event.deadLettered() && skipDeadLettered) {
                    continue;
                }
                EventEnvelope<?> envelope = CODEC.decode(event.envelope().getBytes(StandardCharsets.UTF_8));
                if (idempotent.claim(uow, handler.name(), List.of(envelope.eventId())).isEmpty()) {
                    continue; // applied before (a redelivery that was kept too)
                }
                try (Correlation.Scope scope = Correlation.of(envelope)) {
                    handler.handle(envelope, uow);
                }
                applied++;
            }
            return applied;
        });
    }

    private record KeptEvent(long id, String envelope, boolean deadLettered) {
    }

    /** A record of a parked key, with where it came from. */
    record ParkedRecord(EventEnvelope<?> event, String topic, int partition, long offset) {
    }

    /** A parked key: which consumer, why, since when, and how many records wait behind it. */
    public record ParkedKey(String consumer, String key, String reason, Instant parkedAt, long records) {
    }
}
