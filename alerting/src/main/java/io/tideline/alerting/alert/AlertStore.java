package io.tideline.alerting.alert;

import io.tideline.alerting.rule.RuleKind;
import io.tideline.events.alert.AlertSeverity;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Alerts in {@code alert} and their history in {@code alert_timeline}. */
@ApplicationScoped
public class AlertStore {

    static final String COLUMNS = "alert_id, rule_id, rule_name, kind, subject_key, state, severity, title, detail,"
            + " occurrences, raised_at, last_seen_at, source_event_id, escalation_level, next_escalation_at,"
            + " snoozed_until, acknowledged_by, acknowledged_at, acknowledge_note, resolved_at, resolved_by, resolution,"
            + " correlation_id";

    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended($1 || chr(31) || $2, 7))";
    private static final String CURRENT = "(select " + COLUMNS + ", 0 as rank from alert where rule_id = $1"
            + " and subject_key = $2 and state <> 'RESOLVED') union all (select " + COLUMNS + ", 1 from alert"
            + " where rule_id = $1 and subject_key = $2 order by raised_at desc limit 1) order by rank limit 1";

    private static final String INSERT = "insert into alert (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7,"
            + " $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)";
    private static final String UPDATE = "update alert set rule_id = $2, rule_name = $3, kind = $4,"
            + " subject_key = $5, state = $6, severity = $7, title = $8, detail = $9, occurrences = $10,"
            + " raised_at = $11, last_seen_at = $12, source_event_id = $13, escalation_level = $14,"
            + " next_escalation_at = $15, snoozed_until = $16, acknowledged_by = $17, acknowledged_at = $18,"
            + " acknowledge_note = $19, resolved_at = $20, resolved_by = $21, resolution = $22, correlation_id = $23"
            + " where alert_id = $1";

    /** One change in an alert's history. */
    public enum Change {
        RAISED,
        REPEATED,
        ESCALATED,
        ACKNOWLEDGED,
        SNOOZED,
        RESOLVED
    }

    /**
     * Serializes every change to one rule's alerts about one subject (evaluation, the clock and people may touch it at
     * once) until the unit of work ends.
     */
    public void lockSubject(Sql sql, String ruleId, String subjectKey) {
        sql.exec(LOCK, ruleId, subjectKey);
    }

    /**
     * Locks several subjects (as {@link #lockSubject}) in one round trip, always in the same order, so two units of
     * work locking overlapping sets cannot wait on each other in a circle.
     */
    public void lockSubjects(UnitOfWork uow, List<SubjectOfRule> keys) {
        uow.batch(LOCK, tuples(keys.stream().distinct().sorted().toList()));
    }

    /** Which of these rule-and-subject pairs have an unresolved alert (one round trip). */
    public Set<SubjectOfRule> unresolvedAmong(Sql sql, List<SubjectOfRule> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.batch("select rule_id, subject_key from alert where rule_id = $1 and subject_key = $2"
                + " and state <> 'RESOLVED'", tuples(keys), r -> new SubjectOfRule(r.getString("rule_id"),
                r.getString("subject_key"))));
    }

    /**
     * For each rule-and-subject pair, its unresolved alert if there is one, else the last one raised (resolved): what
     * a signal may update and when the subject last raised (its cooldown); one round trip for all, a pair that never
     * raised is absent.
     */
    public Map<SubjectOfRule, Alert> currentOf(Sql sql, List<SubjectOfRule> keys) {
        Map<SubjectOfRule, Alert> current = new HashMap<>();
        for (Alert a : sql.batch(CURRENT, tuples(keys), AlertStore::alert)) {
            current.put(SubjectOfRule.of(a), a);
        }
        return current;
    }

    /**
     * The subjects a timed rule must not fire for now: those with an unresolved alert of the rule, or one raised
     * after {@code cooledAfter} (within the cooldown).
     */
    public java.util.Set<String> busySubjects(Sql sql, String ruleId, Instant cooledAfter) {
        return new java.util.HashSet<>(sql.list("select distinct subject_key from alert where rule_id = $1"
                + " and (state <> 'RESOLVED' or raised_at > $2)", Tuple.of(ruleId, Sql.utc(cooledAfter)),
                r -> r.getString("subject_key")));
    }

    public Optional<Alert> find(Sql sql, String alertId) {
        return sql.first("select " + COLUMNS + " from alert where alert_id = $1", Tuple.of(alertId),
                AlertStore::alert);
    }

    public Optional<Alert> findForUpdate(Sql sql, String alertId) {
        return sql.first("select " + COLUMNS + " from alert where alert_id = $1 for update", Tuple.of(alertId),
                AlertStore::alert);
    }

    /** The unresolved alerts of a rule (to resolve them when the rule changes or goes). */
    public List<Alert> unresolvedOf(Sql sql, String ruleId) {
        return sql.list("select " + COLUMNS + " from alert where rule_id = $1 and state <> 'RESOLVED'",
                Tuple.of(ruleId), AlertStore::alert);
    }

    /** OPEN alerts whose escalation time has come. */
    public List<Alert> escalationDue(Sql sql, Instant now, int limit) {
        return sql.list("select " + COLUMNS + " from alert where state = 'OPEN' and next_escalation_at <= $1"
                + " order by next_escalation_at limit $2", Tuple.of(Sql.utc(now), limit), AlertStore::alert);
    }

    /** Unresolved alerts of the given kinds (the clock clears timed conditions that no longer hold). */
    public List<Alert> unresolvedOfKinds(Sql sql, List<RuleKind> kinds) {
        return sql.list("select " + COLUMNS + " from alert where state <> 'RESOLVED' and kind = any($1)",
                Tuple.of(kinds.stream().map(Enum::name).toArray(String[]::new)), AlertStore::alert);
    }

    public void insert(Sql sql, Alert a) {
        sql.exec(INSERT, tuple(a));
    }

    /** Inserts several alerts in one round trip. */
    public void insertAll(Sql sql, List<Alert> raised) {
        sql.batch(INSERT, raised.stream().map(AlertStore::tuple).toList());
    }

    /** Updates several alerts in one round trip. */
    public void updateAll(Sql sql, List<Alert> changed) {
        sql.batch(UPDATE, changed.stream().map(AlertStore::tuple).toList());
    }

    public void update(Sql sql, Alert a) {
        sql.exec(UPDATE, tuple(a));
    }

    /**
     * Adds a timeline entry. The entries of a unit of work are written together, in order, just before it commits
     * (one statement for a batch of events instead of one per change); nothing reads them inside the unit.
     */
    public void record(UnitOfWork uow, Alert a, Change change, Instant at, String actor, String note, boolean push) {
        uow.attached(PendingTimeline.class, () -> {
            PendingTimeline pending = new PendingTimeline();
            uow.beforeCommit(() -> pending.write(uow));
            return pending;
        }).add(a, change, at, actor, note, push);
    }

    /** The timeline entries of one unit of work, in the order they happened. */
    private static final class PendingTimeline {
        private final List<Entry> entries = new ArrayList<>();

        private record Entry(String alertId, OffsetDateTime at, String change, String severity, String actor,
                             String note, boolean push) {
        }

        void add(Alert a, Change change, Instant at, String actor, String note, boolean push) {
            entries.add(new Entry(a.alertId(), Sql.utc(at), change.name(), a.severity().name(), actor, note, push));
        }

        void write(UnitOfWork uow) {
            if (entries.isEmpty()) {
                return;
            }
            // with ordinality: the entries keep their order (the ids the live stream resumes from)
            uow.exec("insert into alert_timeline (alert_id, at, change, severity, actor, note, push)"
                    + " select e.alert_id, e.at, e.change, e.severity, e.actor, e.note, e.push from unnest($1::text[],"
                    + " $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[])"
                    + " with ordinality as e(alert_id, at, change, severity, actor, note, push, n) order by e.n",
                    Tuple.from(List.<Object>of(
                            entries.stream().map(Entry::alertId).toArray(String[]::new),
                            entries.stream().map(Entry::at).toArray(OffsetDateTime[]::new),
                            entries.stream().map(Entry::change).toArray(String[]::new),
                            entries.stream().map(Entry::severity).toArray(String[]::new),
                            entries.stream().map(Entry::actor).toArray(String[]::new),
                            entries.stream().map(Entry::note).toArray(String[]::new),
                            entries.stream().map(Entry::push).toArray(Boolean[]::new))));
        }
    }

    private static List<Tuple> tuples(List<SubjectOfRule> keys) {
        return keys.stream().map(k -> Tuple.of(k.ruleId(), k.subjectKey())).toList();
    }

    private static Tuple tuple(Alert a) {
        return Tuple.from(Arrays.asList(a.alertId(), a.ruleId(), a.ruleName(), a.kind().name(), a.subjectKey(),
                a.state().name(), a.severity().name(), a.title(), a.detail(), a.occurrences(), Sql.utc(a.raisedAt()),
                Sql.utc(a.lastSeenAt()), a.sourceEventId(), a.escalationLevel(), Sql.utc(a.nextEscalationAt()),
                Sql.utc(a.snoozedUntil()), a.acknowledgedBy(), Sql.utc(a.acknowledgedAt()), a.acknowledgeNote(),
                Sql.utc(a.resolvedAt()), a.resolvedBy(), a.resolution(), a.correlationId()));
    }

    static Alert alert(Row r) {
        return new Alert(r.getString("alert_id"), r.getString("rule_id"), r.getString("rule_name"),
                RuleKind.valueOf(r.getString("kind")), r.getString("subject_key"),
                AlertState.valueOf(r.getString("state")), AlertSeverity.valueOf(r.getString("severity")),
                r.getString("title"), r.getString("detail"), r.getLong("occurrences"), Sql.instant(r, "raised_at"),
                Sql.instant(r, "last_seen_at"), r.getUUID("source_event_id"), r.getInteger("escalation_level"),
                Sql.instant(r, "next_escalation_at"), Sql.instant(r, "snoozed_until"), r.getString("acknowledged_by"),
                Sql.instant(r, "acknowledged_at"), r.getString("acknowledge_note"), Sql.instant(r, "resolved_at"),
                r.getString("resolved_by"), r.getString("resolution"), r.getString("correlation_id"));
    }
}
