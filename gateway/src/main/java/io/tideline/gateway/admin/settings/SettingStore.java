package io.tideline.gateway.admin.settings;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queries of the {@code setting} and {@code setting_audit} tables. */
@ApplicationScoped
public class SettingStore {

    /** A value an operator set, with who set it and when. */
    public record StoredValue(String key, String value, Instant changedAt, String changedBy) {
    }

    /** One change of a setting; a {@code null} value is the setting's default. */
    public record AuditEntry(long id, String key, String oldValue, String newValue, String changedBy,
                             Instant changedAt) {
    }

    public List<StoredValue> values(Sql sql) {
        return sql.list("select setting_key, value, changed_at, changed_by from setting order by setting_key",
                Tuple.tuple(), SettingStore::value);
    }

    /**
     * The value set for a key, holding the key's lock until the transaction ends: changes of one key are serialized,
     * so its audit and its events on the config topic are in the order of the changes.
     */
    public Optional<StoredValue> lockAndRead(Sql uow, String key) {
        uow.exec("select pg_advisory_xact_lock(hashtext('tideline.setting:' || $1))", key);
        return uow.first("select setting_key, value, changed_at, changed_by from setting where setting_key = $1",
                Tuple.of(key), SettingStore::value);
    }

    public void put(Sql uow, String key, String value, Instant at, String by) {
        uow.exec("insert into setting (setting_key, value, changed_at, changed_by) values ($1, $2, $3, $4)"
                + " on conflict (setting_key) do update set value = excluded.value, changed_at = excluded.changed_at,"
                + " changed_by = excluded.changed_by", key, value, Sql.utc(at), by);
    }

    public void remove(Sql uow, String key) {
        uow.exec("delete from setting where setting_key = $1", key);
    }

    public AuditEntry audit(Sql uow, String key, String oldValue, String newValue, String by, Instant at) {
        return uow.one("insert into setting_audit (setting_key, old_value, new_value, changed_by, changed_at)"
                + " values ($1, $2, $3, $4, $5) returning id, setting_key, old_value, new_value, changed_by,"
                + " changed_at", Tuple.of(key, oldValue, newValue, by, Sql.utc(at)), SettingStore::entry);
    }

    /** Audit entries newest first, older than {@code beforeId} when given, of one key when given. */
    public List<AuditEntry> auditPage(Sql sql, String key, Long beforeId, int limit) {
        return sql.list("select id, setting_key, old_value, new_value, changed_by, changed_at from setting_audit"
                + " where ($1::text is null or setting_key = $1) and ($2::bigint is null or id < $2)"
                + " order by id desc limit $3", Tuple.of(key, beforeId, limit), SettingStore::entry);
    }

    private static StoredValue value(Row r) {
        return new StoredValue(r.getString("setting_key"), r.getString("value"), Sql.instant(r, "changed_at"),
                r.getString("changed_by"));
    }

    private static AuditEntry entry(Row r) {
        return new AuditEntry(r.getLong("id"), r.getString("setting_key"), r.getString("old_value"),
                r.getString("new_value"), r.getString("changed_by"), Sql.instant(r, "changed_at"));
    }
}
