package io.tideline.gateway.admin.dlq;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queries of the {@code dlq_replay} table: which dead letters were replayed, by whom and when. */
@ApplicationScoped
public class ReplayStore {

    private static final String COLUMNS = "dlq_topic, dlq_partition, dlq_offset, target_topic, record_key, event_id,"
            + " replayed_at, replayed_by";

    /** A dead letter replayed to its topic. */
    public record Replay(String dlqTopic, int partition, long offset, String targetTopic, String key, String eventId,
                         Instant replayedAt, String replayedBy) {
    }

    /**
     * Claims the letter for a replay: true if this transaction recorded it, false if it was replayed before (a
     * concurrent claim of the same letter waits for the first to end, then sees it).
     */
    public boolean claim(Sql uow, Replay replay) {
        return uow.exec("insert into dlq_replay (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8)"
                + " on conflict do nothing", Tuple.from(new Object[] {replay.dlqTopic(), replay.partition(),
                        replay.offset(), replay.targetTopic(), replay.key(), replay.eventId(),
                        Sql.utc(replay.replayedAt()), replay.replayedBy()})) == 1;
    }

    public Optional<Replay> find(Sql sql, String topic, int partition, long offset) {
        return sql.first("select " + COLUMNS + " from dlq_replay where dlq_topic = $1 and dlq_partition = $2"
                + " and dlq_offset = $3", Tuple.of(topic, partition, offset), ReplayStore::map);
    }

    /** The replays of a topic's letters in one partition's offset range. */
    public List<Replay> inRange(Sql sql, String topic, long fromOffset, long toOffset) {
        return sql.list("select " + COLUMNS + " from dlq_replay where dlq_topic = $1 and dlq_offset between $2"
                + " and $3", Tuple.of(topic, fromOffset, toOffset), ReplayStore::map);
    }

    /** The latest replays, newest first, of one topic when given. */
    public List<Replay> latest(Sql sql, String topic, int limit) {
        return sql.list("select " + COLUMNS + " from dlq_replay where ($1::text is null or dlq_topic = $1)"
                + " order by replayed_at desc, dlq_topic, dlq_partition, dlq_offset limit $2",
                Tuple.of(topic, limit), ReplayStore::map);
    }

    private static Replay map(Row r) {
        return new Replay(r.getString("dlq_topic"), r.getInteger("dlq_partition"), r.getLong("dlq_offset"),
                r.getString("target_topic"), r.getString("record_key"), r.getString("event_id"),
                Sql.instant(r, "replayed_at"), r.getString("replayed_by"));
    }
}
