package io.tideline.gateway.auth;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queries of the {@code api_key} table. */
@ApplicationScoped
public class ApiKeyStore {

    private static final String COLUMNS = "key_id, name, role, key_prefix, created_at, created_by, last_used_at,"
            + " revoked_at, revoked_by";

    public ApiKey insert(Sql sql, String id, String name, String role, String hash, String prefix, String createdBy) {
        return sql.one("insert into api_key (key_id, name, role, key_hash, key_prefix, created_by)"
                + " values ($1, $2, $3, $4, $5, $6) returning " + COLUMNS,
                Tuple.of(id, name, role, hash, prefix, createdBy),
                ApiKeyStore::map);
    }

    public List<ApiKey> list(Sql sql) {
        return sql.list("select " + COLUMNS + " from api_key order by created_at desc, key_id", Tuple.tuple(),
                ApiKeyStore::map);
    }

    public Optional<ApiKey> byId(Sql sql, String id) {
        return sql.first("select " + COLUMNS + " from api_key where key_id = $1", Tuple.of(id), ApiKeyStore::map);
    }

    public Optional<ApiKey> byHash(Sql sql, String hash) {
        return sql.first("select " + COLUMNS + " from api_key where key_hash = $1",
                Tuple.of(hash), ApiKeyStore::map);
    }

    /** Revokes a key that is not yet revoked; returns the key as it is now, if it exists. */
    public Optional<ApiKey> revoke(Sql sql, String id, String by) {
        sql.exec("update api_key set revoked_at = now(), revoked_by = $2 where key_id = $1 and revoked_at is null",
                id, by);
        return byId(sql, id);
    }

    public void markUsed(Sql sql, String id, Instant at) {
        sql.exec("update api_key set last_used_at = $2 where key_id = $1 and (last_used_at is null or"
                + " last_used_at < $2)", id, Sql.utc(at));
    }

    private static ApiKey map(Row r) {
        return new ApiKey(r.getString("key_id"), r.getString("name"), r.getString("role"), r.getString("key_prefix"),
                Sql.instant(r, "created_at"), r.getString("created_by"), Sql.instant(r, "last_used_at"),
                Sql.instant(r, "revoked_at"), r.getString("revoked_by"));
    }
}
