package io.tideline.analytics.suggestion;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code range_suggestion} table's one home: suggestions as they were made, newest first. */
@ApplicationScoped
public class RangeSuggestionStore {

    /** A kept suggestion: when it was made, for which pair, and the suggestion as JSON. */
    public record Kept(UUID id, String pair, Instant createdAt, String suggestion) {
    }

    public void keep(Sql sql, UUID id, String pair, RangeSuggestion s, String suggestionJson, Instant at) {
        sql.exec("insert into range_suggestion (suggestion_id, pair, pool, fee_pips, half_width, regime,"
                + " mean_test_return, suggestion, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                Tuple.from(new Object[] {id, pair, s.pool(), s.feePips(), s.halfWidth(),
                        s.regime() == null ? null : s.regime().regime().name(), s.meanTestReturn(), suggestionJson,
                        Sql.utc(at)}));
    }

    public Optional<Kept> get(Sql sql, UUID id) {
        return sql.first("select suggestion_id, pair, created_at, suggestion from range_suggestion"
                + " where suggestion_id = $1", Tuple.of(id), RangeSuggestionStore::kept);
    }

    /** Newest first, of one pair or of all (pair null), at most {@code limit}. */
    public List<Kept> history(Sql sql, String pair, int limit) {
        return sql.list("select suggestion_id, pair, created_at, suggestion from range_suggestion"
                + " where ($1::text is null or pair = $1) order by created_at desc, suggestion_id limit $2",
                Tuple.of(pair, limit), RangeSuggestionStore::kept);
    }

    /**
     * The mean test return of the newest suggestion whose chosen pool is one of {@code pools} (a pool may be named by
     * its chainId:address or its address); empty when there is none or it had no folds.
     */
    public Optional<java.math.BigDecimal> latestMeanTestReturn(Sql sql, List<String> pools) {
        return sql.first("select mean_test_return from range_suggestion where pool = any($1)"
                + " order by created_at desc limit 1", Tuple.of(pools.toArray(String[]::new)),
                r -> Optional.ofNullable(r.getBigDecimal("mean_test_return"))).flatMap(o -> o);
    }

    private static Kept kept(Row r) {
        return new Kept(r.getUUID("suggestion_id"), r.getString("pair"), Sql.instant(r, "created_at"),
                r.getString("suggestion"));
    }
}
