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
        recordAll(sql, List.of(new Row(book, strategyId, t)));
    }

    /** A trade of a strategy in a book. */
    public record Row(Book book, String strategyId, Trade trade) {
    }

    /** Records many trades in one round trip; a trade id already recorded is left as it was. */
    public void recordAll(Sql sql, List<Row> rows) {
        sql.batch("insert into trade (trade_id, book, strategy_id, instrument, side, quantity, price, fee, traded_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (trade_id) do nothing",
                rows.stream().map(r -> Tuple.from(new Object[] {r.trade().tradeId(), r.book().name(), r.strategyId(),
                        r.trade().instrument(), r.trade().side().name(), r.trade().quantity(), r.trade().price(),
                        r.trade().fee(), Sql.utc(r.trade().at())})).toList());
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
