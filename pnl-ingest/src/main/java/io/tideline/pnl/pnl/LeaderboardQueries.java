package io.tideline.pnl.pnl;

import io.tideline.messaging.tx.Transactions;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaderboard, read from the per-user daily totals that each execution and realization updates in its own
 * transaction, so the board is current as soon as a PnlRealized is committed (no batch).
 */
@ApplicationScoped
public class LeaderboardQueries {

    private final Transactions transactions;

    public LeaderboardQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The best {@code limit} traders over the days from {@code from} on; ties rank by user id. */
    public List<Leaderboard.Entry> since(LocalDate from, int limit) {
        List<Leaderboard.Entry> ranked = transactions.reads().list("select user_id, sum(realized_pnl) as pnl,"
                + " sum(trades) as trades, sum(closes) as closes, sum(wins) as wins from pnl_daily where day >= $1"
                + " group by user_id having sum(trades) <> 0 or sum(closes) <> 0"
                + " order by pnl desc, user_id limit $2", Tuple.of(from, limit), r -> {
                    long closes = r.getLong("closes");
                    BigDecimal rate = closes == 0 ? null : BigDecimal.valueOf(r.getLong("wins"))
                            .divide(BigDecimal.valueOf(closes), 4, RoundingMode.HALF_EVEN);
                    return new Leaderboard.Entry(0, r.getString("user_id"), r.getBigDecimal("pnl"),
                            r.getLong("trades"), closes, rate);
                });
        List<Leaderboard.Entry> entries = new ArrayList<>(ranked.size());
        for (Leaderboard.Entry e : ranked) {
            entries.add(new Leaderboard.Entry(entries.size() + 1, e.user(), e.pnl(), e.trades(), e.closes(),
                    e.winRate()));
        }
        return entries;
    }
}
