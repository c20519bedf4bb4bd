package io.tideline.messaging.inbox;

import io.smallrye.mutiny.Uni;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.messaging.tx.DatabaseUnavailableException;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The durable inbox's table: accepting a message (once per stream and message id), and what its worker and the
 * operators need (claim in order, mark processed, count a failure, set aside, re-drive).
 */
@ApplicationScoped
public class Inbox {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final String COLUMNS =
            "id, stream, message_id, message_key, message_type, body, received_at, attempts, correlation_id";

    /**
     * Per key of the claim: its oldest pending message below the claim's last one that the claim does not hold. (One
     * above the key's own last claimed message filters none of the key's messages out.) One range over the pending
     * rows ({@code inbox_pending}; processed rows are not in it), not a per-key {@code min(id)}: PostgreSQL can plan
     * that min as a walk of the primary key from the lowest id, past every processed row kept for the retention
     * (11-45 ms a claim at 100,000 kept rows of 2 KB; {@code bench/inbox-claim.sh}).
     */
    private static final String FIRST_GAP_OF_KEYS = "select message_key, min(id) from inbox where stream = $1"
            + " and message_key = any($2::text[]) and id < $3 and processed_at is null and set_aside_at is null"
            + " and id <> all($4::bigint[]) group by message_key";

    private static final String INSERT = "insert into inbox (stream, message_id, message_key, message_type, body,"
            + " correlation_id) values ($1, $2, $3, $4, $5, $6) on conflict (stream, message_id) do nothing";

    /** {@link #INSERT} of several messages sharing a body, in the order of the arrays (ordinality keeps it). */
    private static final String INSERT_ALL = "insert into inbox (stream, message_id, message_key, message_type, body)"
            + " select $1, m.id, m.k, $4, $5 from unnest($2::text[], $3::text[]) with ordinality as m(id, k, n)"
            + " order by m.n on conflict (stream, message_id) do nothing";

    private final Map<String, Runnable> wakers = new ConcurrentHashMap<>();

    /**
     * Accepts a message into the stream in the caller's unit of work; its worker is woken when that commits.
     *
     * @return false if the stream already has a message with this id (a redelivery), which changes nothing
     */
    public boolean accept(UnitOfWork uow, String stream, String messageId, String key, String type, String body) {
        return accept(uow, stream, messageId, key, type, body, null);
    }

    private boolean accept(UnitOfWork uow, String stream, String messageId, String key, String type, String body,
            String correlationId) {
        boolean added = uow.exec(INSERT, Tuple.from(new Object[] {stream, messageId, key, type, body, correlationId}))
                > 0;
        if (added) {
            Runnable wake = wakers.get(stream);
            if (wake != null) {
                uow.afterCommit(wake);
            }
        }
        return added;
    }

    /** A message's id and key, for messages accepted together with one body and type. */
    public record Addressed(String messageId, String key) {
    }

    /**
     * Accepts messages as one statement of their own (committed with it), without blocking a thread: for an ingress
     * that answers from the event loop (pnl-ingest's webhooks), one round trip instead of a unit of work's three
     * (begin, insert, commit) on a worker thread. The messages share one body and type and are stored in the order
     * given, all or none; one whose id the stream already has is skipped. The stream's worker is woken once they are
     * stored.
     *
     * @return how many were added (0: every id was accepted before); fails with a
     *     {@link DatabaseUnavailableException} when the database does not answer within the timeout (or not at all)
     */
    public Uni<Integer> acceptAlone(SqlClient client, Duration timeout, String stream, List<Addressed> messages,
            String type, String body) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("nothing to accept into " + stream);
        }
        Tuple args = Tuple.of(stream, messages.stream().map(Addressed::messageId).toArray(String[]::new),
                messages.stream().map(Addressed::key).toArray(String[]::new), type, body);
        return answeredWithin(timeout, client.preparedQuery(INSERT_ALL).execute(args))
                .map(rows -> {
                    int added = rows.rowCount();
                    Runnable wake = wakers.get(stream);
                    if (added > 0 && wake != null) {
                        wake.run();
                    }
                    return added;
                });
    }

    /**
     * The stream's pending messages (neither processed nor set aside), counted as one statement without blocking,
     * for a caller on the event loop that sheds load on it.
     */
    public Uni<Long> pendingAlone(SqlClient client, Duration timeout, String stream) {
        return answeredWithin(timeout, client.preparedQuery("select count(*) from inbox where stream = $1"
                + " and processed_at is null and set_aside_at is null").execute(Tuple.of(stream)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * A statement run from the event loop: no answer within the timeout, or a failure that is an outage, becomes a
     * {@link DatabaseUnavailableException} (503 over HTTP).
     */
    private static <T> Uni<T> answeredWithin(Duration timeout, Uni<T> statement) {
        return statement.ifNoItem().after(timeout).failWith(() -> new DatabaseUnavailableException("the database"
                        + " did not answer within " + timeout, null))
                .onFailure().transform(DatabaseUnavailableException::unlessRefused);
    }

    /** Accepts an event, keeping its whole envelope; the message id is the event id, the key the event's key. */
    public boolean accept(UnitOfWork uow, String stream, EventEnvelope<?> event) {
        return accept(uow, stream, event.eventId().toString(), event.key(), event.type(),
                new String(CODEC.encode(event), StandardCharsets.UTF_8), EventEnvelope.correlationOf(event));
    }

    /**
     * Pending messages of the stream, oldest first, locked for this transaction; others' locks are skipped. A key's
     * messages are handed out in order across instances: when a message of the key older than one claimed here is
     * still pending and not claimed here (another instance holds it, skipped as locked), the key's claimed messages
     * after that gap are left out, so they are only handled after it is processed (or set aside). Looking only before
     * a key's first claimed message is not enough: a claim can lock a key's 1st and 3rd message while another instance
     * holds the 2nd (it locked it while the 1st was held by a third instance that then released it unprocessed).
     */
    List<InboxMessage> claim(Sql uow, String stream, int limit) {
        List<InboxMessage> claimed = uow.list("select " + COLUMNS + " from inbox where stream = $1"
                + " and processed_at is null and set_aside_at is null order by id limit $2 for update skip locked",
                Tuple.of(stream, limit), Inbox::message);
        Set<String> keys = new LinkedHashSet<>();
        for (InboxMessage m : claimed) {
            if (m.key() != null) {
                keys.add(m.key());
            }
        }
        if (keys.isEmpty()) {
            return claimed;
        }
        Tuple args = Tuple.of(stream, keys.toArray(String[]::new), claimed.get(claimed.size() - 1).id(),
                claimed.stream().map(InboxMessage::id).toArray(Long[]::new));
        Map<String, Long> gapOfKey = uow.list(FIRST_GAP_OF_KEYS, args, r -> Map.entry(r.getString(0), r.getLong(1)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // a keyless message, or one of a key with no gap, is never past a gap
        return gapOfKey.isEmpty() ? claimed
                : claimed.stream().filter(m -> m.id() < gapOfKey.getOrDefault(m.key(), Long.MAX_VALUE)).toList();
    }

    void markProcessed(Sql uow, List<Long> ids) {
        if (!ids.isEmpty()) {
            uow.exec("update inbox set processed_at = now() where id = any($1)",
                    Tuple.of((Object) ids.toArray(Long[]::new)));
        }
    }

    /** Counts a failed attempt; sets the message aside when it reaches {@code maxAttempts}. Says whether it did. */
    boolean recordFailure(Sql uow, long id, String error, int maxAttempts) {
        return uow.one("update inbox set attempts = attempts + 1, last_error = $2,"
                + " set_aside_at = case when attempts + 1 >= $3 then now() end where id = $1"
                + " returning set_aside_at is not null", Tuple.of(id, error, maxAttempts), r -> r.getBoolean(0));
    }

    void setAside(Sql uow, long id, String reason) {
        uow.exec("update inbox set set_aside_at = now(), last_error = $2 where id = $1", Tuple.of(id, reason));
    }

    /** Puts set-aside messages of the stream back in line (all, or one by id); returns how many. */
    public int redrive(UnitOfWork uow, String stream, Long id) {
        int n = uow.exec("update inbox set set_aside_at = null, attempts = 0 where stream = $1"
                + " and set_aside_at is not null and ($2::bigint is null or id = $2)", Tuple.of(stream, id));
        Runnable wake = wakers.get(stream);
        if (n > 0 && wake != null) {
            uow.afterCommit(wake);
        }
        return n;
    }

    /** The stream's counts: pending, set aside, processed (still kept). */
    public InboxCounts counts(Sql sql, String stream) {
        return sql.one("select count(*) filter (where processed_at is null and set_aside_at is null),"
                + " count(*) filter (where set_aside_at is not null), count(*) filter (where processed_at is not null)"
                + " from inbox where stream = $1", Tuple.of(stream),
                r -> new InboxCounts(r.getLong(0), r.getLong(1), r.getLong(2)));
    }

    /** Set-aside messages of the stream, newest first, with their reasons. */
    public List<SetAsideMessage> setAside(Sql sql, String stream, int limit) {
        return sql.list("select id, message_id, message_type, attempts, last_error, received_at, set_aside_at"
                + " from inbox where stream = $1 and set_aside_at is not null order by id desc limit $2",
                Tuple.of(stream, limit), r -> new SetAsideMessage(r.getLong("id"), r.getString("message_id"),
                        r.getString("message_type"), r.getInteger("attempts"), r.getString("last_error"),
                        Sql.instant(r, "received_at"), Sql.instant(r, "set_aside_at")));
    }

    /** Deletes processed rows older than the retention; set-aside rows are kept for the operators. */
    int deleteProcessedBefore(Sql sql, Duration retention) {
        return sql.exec("delete from inbox where processed_at < now() - make_interval(secs => $1)",
                Tuple.of((double) retention.toSeconds()));
    }

    void onAccepted(String stream, Runnable wake) {
        wakers.put(stream, wake);
    }

    private static InboxMessage message(Row r) {
        return new InboxMessage(r.getLong("id"), r.getString("stream"), r.getString("message_id"),
                r.getString("message_key"), r.getString("message_type"), r.getString("body"),
                Sql.instant(r, "received_at"), r.getInteger("attempts"), r.getString("correlation_id"));
    }

    /** How many messages a stream holds in each state. */
    public record InboxCounts(long pending, long setAside, long processedKept) {
    }

    /** A message set aside, and why. */
    public record SetAsideMessage(long id, String messageId, String type, int attempts, String reason,
                                  java.time.Instant receivedAt, java.time.Instant setAsideAt) {
    }
}
