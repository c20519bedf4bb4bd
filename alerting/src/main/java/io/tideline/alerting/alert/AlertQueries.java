package io.tideline.alerting.alert;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads for the alert API: lists, one alert with its timeline, the statistics and the live feed. */
@ApplicationScoped
public class AlertQueries {

    private final Transactions transactions;

    public AlertQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Optional filters of a list; all absent = every alert. */
    public record Filter(AlertState state, io.tideline.events.alert.AlertSeverity severity, String ruleId,
                         String kind, String subjectKey, Instant since) {
    }

    /** One entry of an alert's history. */
    public record TimelineEntry(long id, String alertId, Instant at, AlertStore.Change change, String severity,
                                String actor, String note, boolean push) {
    }

    /** An alert with everything that happened to it. */
    public record AlertDetail(Alert alert, List<TimelineEntry> timeline) {
    }

    /** Counts of a severity or a rule. */
    public record Count(String key, String name, long alerts, long occurrences, long unresolved, long suppressed) {
    }

    /**
     * Alerting statistics since a time.
     *
     * @param meanSecondsToAcknowledge over the alerts acknowledged (MTTA), absent if none; 3 places
     * @param meanSecondsToResolve     over the alerts resolved (MTTR), absent if none; 3 places
     * @param noisiestRules            the rules with the most occurrences, at most 5
     */
    public record Stats(Instant since, long alerts, long unresolved, List<Count> bySeverity, List<Count> byRule,
                        BigDecimal meanSecondsToAcknowledge, BigDecimal meanSecondsToResolve,
                        List<Count> noisiestRules) {
    }

    public List<Alert> list(Filter f, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        add(where, args, "state = ", f.state() == null ? null : f.state().name());
        add(where, args, "severity = ", f.severity() == null ? null : f.severity().name());
        add(where, args, "rule_id = ", f.ruleId());
        add(where, args, "kind = ", f.kind());
        add(where, args, "subject_key = ", f.subjectKey());
        add(where, args, "raised_at >= ", f.since() == null ? null : Sql.utc(f.since()));
        args.add(limit);
        String sql = "select " + AlertStore.COLUMNS + " from alert" + (where.isEmpty() ? ""
                : " where " + String.join(" and ", where)) + " order by raised_at desc, alert_id limit $" + args.size();
        return transactions.reads().list(sql, Tuple.from(args), AlertStore::alert);
    }

    public Optional<AlertDetail> detail(String alertId) {
        Sql sql = transactions.reads();
        return sql.first("select " + AlertStore.COLUMNS + " from alert where alert_id = $1", Tuple.of(alertId),
                AlertStore::alert).map(a -> new AlertDetail(a, sql.list("select id, alert_id, at, change, severity,"
                + " actor, note, push from alert_timeline where alert_id = $1 order by id", Tuple.of(alertId),
                AlertQueries::entry)));
    }

    /** Timeline entries after {@code afterId}, oldest first: the live feed and its resumption. */
    public List<TimelineEntry> after(long afterId, int limit) {
        return transactions.reads().list("select id, alert_id, at, change, severity, actor, note, push"
                + " from alert_timeline where id > $1 order by id limit $2", Tuple.of(afterId, limit),
                AlertQueries::entry);
    }

    /** The id of the latest timeline entry (0 when none): where a new live feed starts. */
    public long latestEntry() {
        return transactions.reads().one("select coalesce(max(id), 0) as id from alert_timeline", Tuple.tuple(),
                r -> r.getLong("id"));
    }

    public Stats stats(Instant since) {
        Sql sql = transactions.reads();
        Tuple at = Tuple.of(Sql.utc(since));
        List<Count> bySeverity = sql.list("select severity as key, severity as name, count(*) as alerts,"
                + " sum(occurrences) as occurrences, count(*) filter (where state <> 'RESOLVED') as unresolved,"
                + " 0 as suppressed from alert where raised_at >= $1 group by severity"
                + " order by array_position(array['CRITICAL','HIGH','MEDIUM','LOW'], severity)", at,
                AlertQueries::count);
        List<Count> byRule = sql.list("select a.rule_id as key, max(a.rule_name) as name, count(*) as alerts,"
                + " sum(a.occurrences) as occurrences, count(*) filter (where a.state <> 'RESOLVED') as unresolved,"
                + " coalesce(max(r.suppressed), 0) as suppressed from alert a left join alert_rule r"
                + " on r.rule_id = a.rule_id where a.raised_at >= $1 group by a.rule_id order by count(*) desc,"
                + " a.rule_id", at, AlertQueries::count);
        Row means = sql.one("select count(*) as alerts, count(*) filter (where state <> 'RESOLVED') as unresolved,"
                + " round(avg(extract(epoch from acknowledged_at - raised_at)), 3) as mtta,"
                + " round(avg(extract(epoch from resolved_at - raised_at)), 3) as mttr"
                + " from alert where raised_at >= $1", at, r -> r);
        List<Count> noisiest = byRule.stream().sorted((x, y) -> Long.compare(y.occurrences(), x.occurrences()))
                .limit(5).toList();
        return new Stats(since, means.getLong("alerts"), means.getLong("unresolved"), bySeverity, byRule,
                means.getBigDecimal("mtta"), means.getBigDecimal("mttr"), noisiest);
    }

    private static void add(List<String> where, List<Object> args, String condition, Object value) {
        if (value != null) {
            args.add(value);
            where.add(condition + "$" + args.size());
        }
    }

    private static Count count(Row r) {
        return new Count(r.getString("key"), r.getString("name"), r.getLong("alerts"), r.getLong("occurrences"),
                r.getLong("unresolved"), r.getLong("suppressed"));
    }

    private static TimelineEntry entry(Row r) {
        return new TimelineEntry(r.getLong("id"), r.getString("alert_id"), Sql.instant(r, "at"),
                AlertStore.Change.valueOf(r.getString("change")), r.getString("severity"), r.getString("actor"),
                r.getString("note"), r.getBoolean("push"));
    }
}
