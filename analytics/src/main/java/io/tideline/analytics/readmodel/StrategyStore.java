package io.tideline.analytics.readmodel;

import io.tideline.analytics.portfolio.Book;
import io.tideline.analytics.portfolio.HedgeBook;
import io.tideline.analytics.portfolio.TokenPair;
import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** The {@code strategy} table's one home: load a strategy for an event, write it back, read them all. */
@ApplicationScoped
public class StrategyStore {

    private static final String COLUMNS = "strategy_id, book, name, correlation_id, status, opened_at, closed_at,"
            + " updated_at, pool, owner, symbol0, decimals0, symbol1, decimals1, dollar, tick_lower, tick_upper,"
            + " liquidity, sqrt_price_x96, price, valued_at, amount0, amount1, uncollected0, uncollected1, deposited0,"
            + " deposited1, withdrawn0, withdrawn1, collected0, collected1, fees_collected0, fees_collected1, cost,"
            + " hedge_id, hedge_market, hedge_status, hedge_quantity, hedge_cost, hedge_realized, hedge_fees,"
            + " take_profit, take_profit_unpriced, prediction_market, fee_pips, funding";
    private static final int COUNT = COLUMNS.split(",").length;
    private static final String UPSERT;

    static {
        StringBuilder values = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        String[] names = COLUMNS.split(",");
        for (int i = 0; i < COUNT; i++) {
            values.append(i == 0 ? "" : ", ").append('$').append(i + 1);
            if (i > 0) {
                updates.append(i == 1 ? "" : ", ").append(names[i].trim()).append(" = excluded.")
                        .append(names[i].trim());
            }
        }
        UPSERT = "insert into strategy (" + COLUMNS + ") values (" + values + ") on conflict (strategy_id) do update set "
                + updates;
    }

    /** The strategy, locked for the unit of work. */
    public Optional<StrategyRecord> load(Sql sql, String strategyId) {
        return sql.first("select " + COLUMNS + " from strategy where strategy_id = $1 for update",
                Tuple.of(strategyId), StrategyStore::read);
    }

    public void save(Sql sql, StrategyRecord s) {
        sql.exec(UPSERT, tuple(s));
    }

    /** Writes many strategies in one round trip. */
    public void saveAll(Sql sql, java.util.Collection<StrategyRecord> all) {
        sql.batch(UPSERT, all.stream().map(StrategyStore::tuple).toList());
    }

    /** The strategies of these ids that exist, locked for the unit of work. */
    public List<StrategyRecord> loadAll(Sql sql, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("select " + COLUMNS + " from strategy where strategy_id = any($1) for update",
                Tuple.of(ids.toArray(String[]::new)), StrategyStore::read);
    }

    public List<StrategyRecord> all(Sql sql) {
        return sql.list("select " + COLUMNS + " from strategy order by strategy_id", Tuple.tuple(),
                StrategyStore::read);
    }

    public Optional<StrategyRecord> one(Sql sql, String strategyId) {
        return sql.first("select " + COLUMNS + " from strategy where strategy_id = $1", Tuple.of(strategyId),
                StrategyStore::read);
    }

    private static Tuple tuple(StrategyRecord s) {
        HedgeBook h = s.hedge;
        return Tuple.from(new Object[] {s.strategyId, s.book.name(), s.name, s.correlationId, s.status,
                Sql.utc(s.openedAt), Sql.utc(s.closedAt), Sql.utc(s.updatedAt), s.pool, s.owner, s.symbol0,
                s.decimals0, s.symbol1, s.decimals1, s.dollar == null ? null : s.dollar.name(), s.tickLower,
                s.tickUpper, dec(s.liquidity), dec(s.sqrtPriceX96), s.price, Sql.utc(s.valuedAt), dec(s.amount0),
                dec(s.amount1), dec(s.uncollected0), dec(s.uncollected1), dec(s.deposited0), dec(s.deposited1),
                dec(s.withdrawn0), dec(s.withdrawn1), dec(s.collected0), dec(s.collected1), dec(s.feesCollected0),
                dec(s.feesCollected1), s.cost, s.hedgeId, s.hedgeMarket, s.hedgeStatus,
                h == null ? null : h.openQuantity(), h == null ? null : h.openCost(),
                h == null ? null : h.realized(), h == null ? null : h.fees(), s.takeProfit, s.takeProfitUnpriced,
                s.predictionMarket, s.feePips, s.funding});
    }

    private static StrategyRecord read(Row r) {
        StrategyRecord s = new StrategyRecord(r.getString("strategy_id"), Book.valueOf(r.getString("book")),
                r.getString("name"), Sql.instant(r, "opened_at"));
        s.correlationId = r.getString("correlation_id");
        s.status = r.getString("status");
        s.closedAt = Sql.instant(r, "closed_at");
        s.updatedAt = Sql.instant(r, "updated_at");
        s.pool = r.getString("pool");
        s.owner = r.getString("owner");
        s.symbol0 = r.getString("symbol0");
        s.decimals0 = r.getInteger("decimals0");
        s.symbol1 = r.getString("symbol1");
        s.decimals1 = r.getInteger("decimals1");
        String dollar = r.getString("dollar");
        s.dollar = dollar == null ? null : TokenPair.Dollar.valueOf(dollar);
        s.tickLower = r.getInteger("tick_lower");
        s.tickUpper = r.getInteger("tick_upper");
        s.liquidity = integer(r, "liquidity");
        s.sqrtPriceX96 = integer(r, "sqrt_price_x96");
        s.price = r.getBigDecimal("price");
        s.valuedAt = Sql.instant(r, "valued_at");
        s.amount0 = integer(r, "amount0");
        s.amount1 = integer(r, "amount1");
        s.uncollected0 = integer(r, "uncollected0");
        s.uncollected1 = integer(r, "uncollected1");
        s.deposited0 = integer(r, "deposited0");
        s.deposited1 = integer(r, "deposited1");
        s.withdrawn0 = integer(r, "withdrawn0");
        s.withdrawn1 = integer(r, "withdrawn1");
        s.collected0 = integer(r, "collected0");
        s.collected1 = integer(r, "collected1");
        s.feesCollected0 = integer(r, "fees_collected0");
        s.feesCollected1 = integer(r, "fees_collected1");
        s.cost = r.getBigDecimal("cost");
        s.hedgeId = r.getString("hedge_id");
        s.hedgeMarket = r.getString("hedge_market");
        s.hedgeStatus = r.getString("hedge_status");
        BigDecimal quantity = r.getBigDecimal("hedge_quantity");
        s.hedge = quantity == null ? null : new HedgeBook(quantity, r.getBigDecimal("hedge_cost"),
                r.getBigDecimal("hedge_realized"), r.getBigDecimal("hedge_fees"));
        s.takeProfit = r.getBigDecimal("take_profit");
        s.takeProfitUnpriced = r.getInteger("take_profit_unpriced");
        s.predictionMarket = r.getBigDecimal("prediction_market");
        s.feePips = r.getInteger("fee_pips");
        s.funding = r.getBigDecimal("funding");
        return s;
    }

    private static BigDecimal dec(BigInteger v) {
        return v == null ? null : new BigDecimal(v);
    }

    private static BigInteger integer(Row r, String column) {
        BigDecimal v = r.getBigDecimal(column);
        return v == null ? null : v.toBigIntegerExact();
    }
}
