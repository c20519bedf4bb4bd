package io.tideline.alerting.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tideline.events.EventJson;
import io.tideline.events.alert.AlertSeverity;
import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Rules in {@code alert_rule}. */
@ApplicationScoped
public class RuleStore {

    private static final String COLUMNS = "rule_id, name, kind, scope_type, scope_value, params::text, severity,"
            + " channels::text, cooldown_s, escalation::text, enabled, suppressed, created_at, updated_at, version";

    public void insert(Sql sql, AlertRule r) {
        // jsonb from text: a String bound where jsonb is expected would be stored as one JSON string, not the object
        sql.exec("insert into alert_rule (rule_id, name, kind, scope_type, scope_value, params, severity, channels,"
                + " cooldown_s, escalation, enabled, suppressed, created_at, updated_at, version) values ($1, $2, $3,"
                + " $4, $5, cast(cast($6 as text) as jsonb), $7, cast(cast($8 as text) as jsonb), $9,"
                + " cast(cast($10 as text) as jsonb), $11, $12, $13, $14, $15)",
                tuple(r));
    }

    /** Replaces a rule if its stored version is {@code expectedVersion}; false if it changed meanwhile or is gone. */
    public boolean replace(Sql sql, AlertRule r, long expectedVersion) {
        Tuple args = tuple(r).addLong(expectedVersion);
        return sql.exec("update alert_rule set name = $2, kind = $3, scope_type = $4, scope_value = $5,"
                + " params = cast(cast($6 as text) as jsonb), severity = $7,"
                + " channels = cast(cast($8 as text) as jsonb), cooldown_s = $9,"
                + " escalation = cast(cast($10 as text) as jsonb), enabled = $11, updated_at = $14, version = $15"
                + " where rule_id = $1 and version = $16", args) == 1;
    }

    public boolean delete(Sql sql, String ruleId) {
        return sql.exec("delete from alert_rule where rule_id = $1", ruleId) == 1;
    }

    public Optional<AlertRule> find(Sql sql, String ruleId) {
        return sql.first("select " + COLUMNS + " from alert_rule where rule_id = $1", Tuple.of(ruleId),
                RuleStore::rule);
    }

    public List<AlertRule> all(Sql sql) {
        return sql.list("select " + COLUMNS + " from alert_rule order by created_at, rule_id", Tuple.tuple(),
                RuleStore::rule);
    }

    /** Counts a trigger the cooldown kept from raising an alert. */
    public void countSuppressed(Sql sql, String ruleId) {
        sql.exec("update alert_rule set suppressed = suppressed + 1 where rule_id = $1", ruleId);
    }

    private static Tuple tuple(AlertRule r) {
        return Tuple.from(Arrays.asList(r.ruleId(), r.name(), r.kind().name(), r.scope().type().name(),
                r.scope().value(), json(r.params()), r.severity().name(), json(r.channels()), r.cooldownSeconds(),
                r.escalation() == null ? null : json(r.escalation()), r.enabled(), r.suppressed(),
                Sql.utc(r.createdAt()), Sql.utc(r.updatedAt()), r.version()));
    }

    static AlertRule rule(Row row) {
        String escalation = row.getString("escalation");
        return new AlertRule(row.getString("rule_id"), row.getString("name"), RuleKind.valueOf(row.getString("kind")),
                new RuleScope(ScopeType.valueOf(row.getString("scope_type")), row.getString("scope_value")),
                read(row.getString("params"), new TypeReference<RuleParams>() { }),
                AlertSeverity.valueOf(row.getString("severity")),
                read(row.getString("channels"), new TypeReference<List<String>>() { }), row.getLong("cooldown_s"),
                escalation == null ? null : read(escalation, new TypeReference<EscalationPolicy>() { }),
                row.getBoolean("enabled"), row.getLong("suppressed"), Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"), row.getLong("version"));
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rule column: " + e.getOriginalMessage(), e);
        }
    }
}
