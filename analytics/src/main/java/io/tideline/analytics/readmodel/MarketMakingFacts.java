package io.tideline.analytics.readmodel;

import io.tideline.events.TradeSide;
import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;

/** {@code mm_inventory} and {@code mm_take_profit}: what a take-profit fill closes, to price its P&amp;L. */
@ApplicationScoped
public class MarketMakingFacts {

    public void uncovered(Sql sql, String strategyId, String fillId, TradeSide side, BigDecimal entryPrice) {
        sql.exec("insert into mm_inventory (strategy_id, fill_id, side, entry_price) values ($1, $2, $3, $4)"
                + " on conflict (strategy_id, fill_id) do nothing", strategyId, fillId, side.name(), entryPrice);
    }

    public void placed(Sql sql, String strategyId, String clientOrderId, String fillId, TradeSide side) {
        sql.exec("insert into mm_take_profit (strategy_id, client_order_id, fill_id, side) values ($1, $2, $3, $4)"
                + " on conflict (strategy_id, client_order_id) do nothing", strategyId, clientOrderId, fillId,
                side.name());
    }

    /** The take-profit's side and the entry price of the inventory it closes, when both were seen. */
    public Optional<Closing> closing(Sql sql, String strategyId, String clientOrderId) {
        return sql.first("select t.side, i.entry_price from mm_take_profit t join mm_inventory i"
                + " on i.strategy_id = t.strategy_id and i.fill_id = t.fill_id"
                + " where t.strategy_id = $1 and t.client_order_id = $2", Tuple.of(strategyId, clientOrderId),
                r -> new Closing(TradeSide.valueOf(r.getString("side")), r.getBigDecimal("entry_price")));
    }

    public record Closing(TradeSide side, BigDecimal entryPrice) {
    }
}
