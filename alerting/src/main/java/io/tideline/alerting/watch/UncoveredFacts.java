package io.tideline.alerting.watch;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code watched_uncovered}: market-maker inventory no take-profit covers yet. */
@ApplicationScoped
public class UncoveredFacts {

    /** Inventory from one fill that no take-profit covers, since {@code heldSince}. */
    public record Uncovered(String sessionId, String pair, String fillId, BigDecimal quantity, Instant heldSince) {

        public String subjectKey() {
            return sessionId + ":" + pair + ":" + fillId;
        }
    }

    public void uncovered(Sql sql, Uncovered u) {
        sql.exec("insert into watched_uncovered (session_id, pair, fill_id, quantity, held_since) values ($1, $2, $3,"
                + " $4, $5) on conflict (session_id, pair, fill_id) do update set quantity = excluded.quantity"
                + " where watched_uncovered.covered_at is null",
                Tuple.of(u.sessionId(), u.pair(), u.fillId(), u.quantity(), Sql.utc(u.heldSince())));
    }

    public void covered(Sql sql, String sessionId, String pair, String fillId, Instant at) {
        sql.exec("insert into watched_uncovered (session_id, pair, fill_id, quantity, held_since, covered_at)"
                + " values ($1, $2, $3, 0, $4, $4) on conflict (session_id, pair, fill_id) do update"
                + " set covered_at = coalesce(watched_uncovered.covered_at, excluded.covered_at)",
                Tuple.of(sessionId, pair, fillId, Sql.utc(at)));
    }

    /** Uncovered since {@code cutoff} or earlier, oldest first. */
    public List<Uncovered> uncoveredSince(Sql sql, Instant cutoff) {
        return sql.list("select session_id, pair, fill_id, quantity, held_since from watched_uncovered"
                + " where covered_at is null and held_since <= $1 order by held_since", Tuple.of(Sql.utc(cutoff)),
                r -> new Uncovered(r.getString("session_id"), r.getString("pair"), r.getString("fill_id"),
                        r.getBigDecimal("quantity"), Sql.instant(r, "held_since")));
    }
}
