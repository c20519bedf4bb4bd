package io.tideline.settlement.session;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of sessions: reads take a {@link Sql} (the pool, or a unit of work), writes the caller's unit of work. */
@ApplicationScoped
public class SessionStore {

    private static final String COLUMNS = "s.session_id, s.venue, s.pairs, s.started_at, s.ended_at,"
            + " s.last_activity_at, s.source, s.stop_loss_state, s.stop_loss_tripped_at, s.stop_loss_loss,"
            + " s.stop_loss_trips, s.acknowledged_loss, s.acknowledged_at, s.acknowledged_by,"
            + " (select count(*) from mm_fill f where f.session_id = s.session_id) as fills";

    /** A (session, pair) to settle. */
    public record SessionPair(String sessionId, String venue, String pair) {
    }

    /** Creates the session, or updates its venue-independent facts; true when it was created. */
    public boolean upsert(UnitOfWork uow, SessionSubmission s, String source) {
        OffsetDateTime ended = Sql.utc(s.endedAt());
        OffsetDateTime activity = ended != null ? ended : Sql.utc(s.startedAt());
        return uow.first("insert into mm_session (session_id, venue, pairs, started_at, ended_at, last_activity_at,"
                        + " source) values ($1, $2, $3, $4, $5, $6, $7) on conflict (session_id) do update set"
                        + " pairs = coalesce((select array_agg(distinct p order by p) from unnest(mm_session.pairs"
                        + " || excluded.pairs) p), '{}'), started_at = excluded.started_at,"
                        + " ended_at = coalesce(excluded.ended_at, mm_session.ended_at),"
                        + " last_activity_at = greatest(mm_session.last_activity_at, excluded.last_activity_at),"
                        + " updated_at = now() returning (xmax = 0) as created",
                Tuple.from(Arrays.asList(s.sessionId(), s.venue(), s.pairs().stream().sorted().distinct()
                        .toArray(String[]::new), Sql.utc(s.startedAt()), ended, activity, source)),
                r -> r.getBoolean(0)).orElse(false);
    }

    public Optional<Session> session(Sql sql, String sessionId) {
        return sql.first("select " + COLUMNS + " from mm_session s where s.session_id = $1", Tuple.of(sessionId),
                SessionStore::session);
    }

    public Optional<Session> sessionForUpdate(UnitOfWork uow, String sessionId) {
        return uow.first("select " + COLUMNS + " from mm_session s where s.session_id = $1 for update of s",
                Tuple.of(sessionId), SessionStore::session);
    }

    /** Sessions, latest activity first; {@code activeWithin} keeps those active within that time. */
    public List<Session> sessions(Sql sql, Duration activeWithin, int limit) {
        OffsetDateTime since = activeWithin == null ? null
                : OffsetDateTime.now(ZoneOffset.UTC).minus(activeWithin);
        return sql.list("select " + COLUMNS + " from mm_session s where ($1::timestamptz is null"
                + " or s.last_activity_at >= $1) order by s.last_activity_at desc, s.session_id limit $2",
                Tuple.of(since, limit), SessionStore::session);
    }

    /** Every (session, pair) of the sessions active since {@code since}; one session when {@code sessionId} is set. */
    public List<SessionPair> activePairs(Sql sql, Instant since, String sessionId) {
        return sql.list("select s.session_id, s.venue, p.pair from mm_session s, unnest(s.pairs) as p(pair)"
                + " where s.last_activity_at >= $1 and ($2::text is null or s.session_id = $2)"
                + " order by p.pair, s.session_id", Tuple.of(Sql.utc(since), sessionId),
                r -> new SessionPair(r.getString(0), r.getString(1), r.getString(2)));
    }

    /** Every (session, pair) with unfinished take-profits (PLACING, LIVE, REPLACING), whatever its activity. */
    public List<SessionPair> pairsWithLiveTakeProfits(Sql sql) {
        return sql.list("select distinct t.session_id, s.venue, t.pair from tp_order t join mm_session s"
                + " on s.session_id = t.session_id where t.state in ('PLACING', 'LIVE', 'REPLACING')", Tuple.tuple(),
                r -> new SessionPair(r.getString(0), r.getString(1), r.getString(2)));
    }

    /** The sessions' correlation ids (that of the first fill recorded for each); sessions without one left out. */
    public Map<String, String> correlations(Sql sql, List<String> sessionIds) {
        Map<String, String> correlations = new HashMap<>();
        sql.list("select session_id, correlation_id from mm_session where session_id = any($1)"
                + " and correlation_id is not null", Tuple.of(sessionIds.toArray(String[]::new)),
                r -> correlations.put(r.getString(0), r.getString(1)));
        return correlations;
    }

    public void trip(UnitOfWork uow, String sessionId, BigDecimal loss) {
        uow.exec("update mm_session set stop_loss_state = 'TRIPPED', stop_loss_tripped_at = now(),"
                + " stop_loss_loss = $2, stop_loss_trips = stop_loss_trips + 1, updated_at = now()"
                + " where session_id = $1", Tuple.of(sessionId, loss));
    }

    public void acknowledge(UnitOfWork uow, String sessionId, BigDecimal loss, String by) {
        uow.exec("update mm_session set stop_loss_state = 'OK', acknowledged_loss = $2, acknowledged_at = now(),"
                + " acknowledged_by = $3, updated_at = now() where session_id = $1", Tuple.of(sessionId, loss, by));
    }

    private static Session session(Row r) {
        List<String> pairs = Arrays.asList(r.getArrayOfStrings("pairs"));
        return new Session(r.getString("session_id"), r.getString("venue"), pairs, pairs.size(),
                Sql.instant(r, "started_at"), Sql.instant(r, "ended_at"), Sql.instant(r, "last_activity_at"),
                r.getString("source"), r.getLong("fills"), r.getString("stop_loss_state"),
                Sql.instant(r, "stop_loss_tripped_at"), r.getBigDecimal("stop_loss_loss"),
                r.getInteger("stop_loss_trips"), r.getBigDecimal("acknowledged_loss"),
                Sql.instant(r, "acknowledged_at"), r.getString("acknowledged_by"));
    }
}
