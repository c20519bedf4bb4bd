package io.tideline.alerting.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tideline.events.EventJson;
import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Deliveries in {@code delivery} and their attempts in {@code delivery_attempt}: the writes. */
@ApplicationScoped
public class DeliveryStore {

    static final String COLUMNS = "id, idempotency_key, alert_id, rule_id, channel, kind, level, state, attempts,"
            + " next_attempt_at, last_status, last_error, created_at, finished_at, resent_by, resent_at";
    static final int MAX_ERROR = 500;
    private static final int MAX_TEXT = 10_000;

    /**
     * Stores a delivery unless one with its key exists; its id if stored. A FAILED one (a channel no longer
     * configured) is finished at once with {@code error}.
     */
    public OptionalLong insert(Sql sql, Notification n, String channel, DeliveryState state, String error,
            Instant now) {
        boolean finished = state != DeliveryState.PENDING;
        return sql.first("insert into delivery (idempotency_key, alert_id, rule_id, channel, kind, level,"
                + " notification, state, next_attempt_at, last_error, created_at, finished_at, updated_at)"
                + " values ($1, $2, $3, $4, $5, $6, cast(cast($7 as text) as jsonb), $8, $9, $10, $9, $11, $9)"
                + " on conflict (idempotency_key) do nothing returning id",
                Tuple.from(Arrays.asList(n.idempotencyKey(channel), n.alertId(), n.ruleId(), channel, n.kind().name(),
                        n.level(), json(storable(n)), state.name(), Sql.utc(now), StorableText.of(error, MAX_ERROR),
                        finished ? Sql.utc(now) : null)),
                r -> r.getLong("id")).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Marks a just-stored delivery as held back by its channel's rate limit. */
    public void suppress(Sql sql, long id, Instant now) {
        sql.exec("update delivery set state = 'SUPPRESSED', finished_at = $2, updated_at = $2,"
                + " last_error = 'over the channel''s rate limit' where id = $1", id, Sql.utc(now));
    }

    /**
     * Leases the channel's most overdue PENDING delivery to the caller until {@code leaseUntil}, skipping those another
     * worker holds; counts the attempt. A delivery whose earlier lease ran out unrecorded gets an ABANDONED attempt.
     */
    public Optional<Claim> claim(Sql sql, String channel, Instant now, Instant leaseUntil) {
        UUID token = UUID.randomUUID();
        Optional<Row> row = sql.first("with due as (select id, lease_until as old_lease from delivery"
                + " where channel = $1 and state = 'PENDING' and next_attempt_at <= $2"
                + " and (lease_until is null or lease_until <= $2) order by next_attempt_at, id limit 1"
                + " for update skip locked)"
                + " update delivery d set attempts = d.attempts + 1, lease_until = $3, lease_token = $4,"
                + " updated_at = $2 from due where d.id = due.id returning d.id, d.idempotency_key, d.alert_id,"
                + " d.rule_id, d.channel, d.kind, d.level, d.state, d.attempts, d.next_attempt_at, d.last_status,"
                + " d.last_error, d.created_at, d.finished_at, d.resent_by, d.resent_at, d.resent_after,"
                + " d.notification::text as notification, due.old_lease",
                Tuple.of(channel, Sql.utc(now), Sql.utc(leaseUntil), token), r -> r);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Delivery d = delivery(row.get());
        Instant abandoned = Sql.instant(row.get(), "old_lease");
        if (abandoned != null) {
            sql.exec("insert into delivery_attempt (delivery_id, attempt, started_at, duration_ms, outcome, error)"
                    + " values ($1, $2, $3, 0, 'ABANDONED', $4)", Tuple.of(d.id(), d.attempts() - 1,
                    Sql.utc(abandoned), "no answer recorded before the lease ran out (the worker stopped)"));
        }
        return Optional.of(new Claim(d, read(row.get().getString("notification")), token, d.attempts(),
                d.attempts() - row.get().getInteger("resent_after")));
    }

    /**
     * Records an attempt and, if the caller still holds the lease, what follows it; false if the lease had run out
     * and another worker took the delivery (the attempt is kept all the same).
     */
    public boolean record(Sql sql, Claim c, Instant startedAt, Duration took, SendResult result,
            RetryPolicy.Next next) {
        String error = StorableText.of(result.error(), MAX_ERROR);
        sql.exec("insert into delivery_attempt (delivery_id, attempt, started_at, duration_ms, outcome, status, error)"
                + " values ($1, $2, $3, $4, $5, $6, $7)", Tuple.from(Arrays.asList(c.delivery().id(), c.attempt(),
                Sql.utc(startedAt), took.toMillis(), AttemptOutcome.of(result).name(), result.status(), error)));
        boolean finished = next.state() != DeliveryState.PENDING;
        return sql.exec("update delivery set state = $3, next_attempt_at = $4, lease_until = null, lease_token = null,"
                + " last_status = $5, last_error = $6, finished_at = $7, updated_at = $8"
                + " where id = $1 and lease_token = $2", Tuple.from(Arrays.asList(c.delivery().id(), c.leaseToken(),
                next.state().name(), Sql.utc(finished ? c.delivery().nextAttempt() : next.at()), result.status(),
                error, finished ? Sql.utc(next.at()) : null, Sql.utc(next.at())))) == 1;
    }

    /**
     * Gives a claimed delivery back unsent (its channel's breaker refused the attempt): due again at {@code at}, the
     * attempt not counted.
     */
    public void release(Sql sql, Claim c, Instant at, String why) {
        sql.exec("update delivery set attempts = attempts - 1, lease_until = null, lease_token = null,"
                + " next_attempt_at = $3, last_error = $4, updated_at = $3 where id = $1 and lease_token = $2",
                Tuple.of(c.delivery().id(), c.leaseToken(), Sql.utc(at), why));
    }

    /**
     * Puts a FAILED delivery back in line for a fresh round of attempts, due at once, noting who asked.
     *
     * @return the delivery as it is now; empty if there is none with that id
     * @throws IllegalStateException naming its state if it is not FAILED
     */
    public Optional<Delivery> resend(Sql sql, long id, String by, Instant now) {
        Optional<Delivery> resent = sql.first("update delivery set state = 'PENDING', next_attempt_at = $3,"
                + " finished_at = null, resent_after = attempts, resent_by = $2, resent_at = $3, updated_at = $3"
                + " where id = $1 and state = 'FAILED' returning " + COLUMNS, Tuple.of(id, by, Sql.utc(now)),
                DeliveryStore::delivery);
        if (resent.isPresent()) {
            return resent;
        }
        Optional<String> state = sql.first("select state from delivery where id = $1", Tuple.of(id),
                r -> r.getString("state"));
        if (state.isPresent()) {
            throw new IllegalStateException("delivery " + id + " is " + state.get() + "; only a FAILED one is sent"
                    + " again");
        }
        return Optional.empty();
    }

    /** Deletes up to {@code limit} deliveries delivered or suppressed before {@code before}; how many. */
    public int deleteFinishedBefore(Sql sql, Instant before, int limit) {
        return sql.exec("delete from delivery where id in (select id from delivery where state in ('DELIVERED',"
                + " 'SUPPRESSED') and finished_at < $1 order by finished_at limit $2)", Sql.utc(before), limit);
    }

    static Delivery delivery(Row r) {
        return new Delivery(r.getLong("id"), r.getString("idempotency_key"), r.getString("alert_id"),
                r.getString("rule_id"), r.getString("channel"), NotificationKind.valueOf(r.getString("kind")),
                r.getInteger("level"), DeliveryState.valueOf(r.getString("state")), r.getInteger("attempts"),
                Sql.instant(r, "next_attempt_at"), r.getInteger("last_status"), r.getString("last_error"),
                Sql.instant(r, "created_at"), Sql.instant(r, "finished_at"), r.getString("resent_by"),
                Sql.instant(r, "resent_at"));
    }

    static Notification read(String json) {
        try {
            return EventJson.mapper().readValue(json, Notification.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable notification column: " + e.getOriginalMessage(), e);
        }
    }

    private static Notification storable(Notification n) {
        return new Notification(n.alertId(), n.ruleId(), StorableText.of(n.ruleName(), MAX_TEXT), n.kind(), n.level(),
                n.severity(), StorableText.of(n.subjectKey(), MAX_TEXT), StorableText.of(n.title(), MAX_TEXT),
                StorableText.of(n.detail(), MAX_TEXT), n.at());
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
