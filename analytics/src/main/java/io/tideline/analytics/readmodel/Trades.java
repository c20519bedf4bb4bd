package io.tideline.analytics.readmodel;

import io.tideline.analytics.lots.Trade;
import io.tideline.analytics.portfolio.Book;
import io.tideline.events.TradeSide;
import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** {@code trade}: prediction-market executions and perp hedge fills, for the tax-lot report. */
@ApplicationScoped
public class Trades {

    public void record(Sql sql, Book book, String strategyId, Trade t) {
        sql.exec("insert into trade (trade_id, book, strategy_id, instrument, side, quantity, price, fee, traded_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (trade_id) do nothing",
                Tuple.from(new Object[] {t.tradeId(), book.name(), strategyId, t.instrument(), t.side().name(),
                        t.quantity(), t.price(), t.fee(), Sql.utc(t.at())}));
    }

    /** Trades up to {@code to}, of one book or all (lots opened before a period still count in it). */
    public List<Trade> upTo(Sql sql, Book book, Instant to) {
        return sql.list("select trade_id, instrument, side, quantity, price, fee, traded_at from trade"
                + " where traded_at < $1 and ($2::text is null or book = $2) order by traded_at, trade_id",
                Tuple.of(Sql.utc(to), book == null ? null : book.name()),
                r -> new Trade(r.getString("trade_id"), r.getString("instrument"),
                        TradeSide.valueOf(r.getString("side")), r.getBigDecimal("quantity"), r.getBigDecimal("price"),
                        r.getBigDecimal("fee"), Sql.instant(r, "traded_at")));
    }
}
