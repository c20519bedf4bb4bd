package io.tideline.analytics.market;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code pool_bar} table's one home: the series store that recording (one-minute bars folded from
 * {@code market.prices}) and CSV imports (bars at their own width) fill, read back at any width.
 */
@ApplicationScoped
public class PoolBarStore {

    /** Where a stored bar came from. */
    public enum Source { RECORDED, CSV }

    private static final String BAR_COLUMNS = "bar_interval, bar_start, open_sqrt_price, low_tick, high_tick,"
            + " close_sqrt_price, close_tick, volume0_in, volume1_in, liquidity, swaps";

    /**
     * Folds an observation into its one-minute bar: a new bar opens at the previous bar's close (or at the observation
     * when it is the pool's first); the low and high take its tick; the close, tick and liquidity are the latest
     * observation's by time; the volumes and swap counts add up. Apply each observation once (the consumer's
     * idempotent claim does).
     */
    public void record(Sql sql, PoolObservation o) {
        Instant start = Instant.ofEpochSecond(BarInterval.M1.startOf(o.at().getEpochSecond()));
        Row previous = sql.first("select close_sqrt_price, close_tick, liquidity from pool_bar where pool = $1"
                + " and bar_interval = 'M1' and bar_start < $2 order by bar_start desc limit 1",
                Tuple.of(o.pool(), Sql.utc(start)), r -> r).orElse(null);
        BigDecimal open = previous == null ? new BigDecimal(o.sqrtPriceX96()) : previous.getBigDecimal("close_sqrt_price");
        int openTick = previous == null ? o.tick() : previous.getInteger("close_tick");
        BigDecimal liquidity = o.liquidity() != null ? new BigDecimal(o.liquidity())
                : previous != null ? previous.getBigDecimal("liquidity") : BigDecimal.ZERO;
        sql.exec("insert into pool_bar (pool, " + BAR_COLUMNS + ", source, last_at) values"
                + " ($1, 'M1', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'RECORDED', $12)"
                + " on conflict (pool, bar_interval, bar_start) do update set"
                + " low_tick = least(pool_bar.low_tick, excluded.close_tick),"
                + " high_tick = greatest(pool_bar.high_tick, excluded.close_tick),"
                + " close_sqrt_price = case when excluded.last_at >= pool_bar.last_at then excluded.close_sqrt_price"
                + " else pool_bar.close_sqrt_price end,"
                + " close_tick = case when excluded.last_at >= pool_bar.last_at then excluded.close_tick"
                + " else pool_bar.close_tick end,"
                + " liquidity = case when excluded.last_at >= pool_bar.last_at and $13 then excluded.liquidity"
                + " else pool_bar.liquidity end,"
                + " volume0_in = pool_bar.volume0_in + excluded.volume0_in,"
                + " volume1_in = pool_bar.volume1_in + excluded.volume1_in,"
                + " swaps = pool_bar.swaps + excluded.swaps,"
                + " last_at = greatest(pool_bar.last_at, excluded.last_at)",
                Tuple.from(new Object[] {o.pool(), Sql.utc(start), open, Math.min(openTick, o.tick()),
                        Math.max(openTick, o.tick()), new BigDecimal(o.sqrtPriceX96()), o.tick(),
                        new BigDecimal(o.volume0In()), new BigDecimal(o.volume1In()), liquidity, o.swaps(),
                        Sql.utc(o.at()), o.liquidity() != null}));
    }

    /** Keeps imported bars (all of one width), replacing stored bars of the same pool, width and start. */
    public void importBars(Sql sql, String pool, List<Bar> bars) {
        sql.batch("insert into pool_bar (pool, " + BAR_COLUMNS + ", source, last_at) values"
                + " ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'CSV', $3)"
                + " on conflict (pool, bar_interval, bar_start) do update set open_sqrt_price = excluded.open_sqrt_price,"
                + " low_tick = excluded.low_tick, high_tick = excluded.high_tick,"
                + " close_sqrt_price = excluded.close_sqrt_price, close_tick = excluded.close_tick,"
                + " volume0_in = excluded.volume0_in, volume1_in = excluded.volume1_in,"
                + " liquidity = excluded.liquidity, swaps = excluded.swaps, source = 'CSV', last_at = excluded.last_at",
                bars.stream().map(b -> Tuple.from(new Object[] {pool, b.interval().name(), Sql.utc(b.start()),
                        new BigDecimal(b.openSqrtPriceX96()), b.lowTick(), b.highTick(),
                        new BigDecimal(b.closeSqrtPriceX96()), b.closeTick(), new BigDecimal(b.volume0In()),
                        new BigDecimal(b.volume1In()), new BigDecimal(b.liquidity()), b.swaps()})).toList());
    }

    /**
     * The pool's bars of {@code interval} starting in [from, to): the stored bars of that width if there are any,
     * otherwise the finest stored width that divides it, resampled; minutes without a stored bar repeat the last
     * close with no volume (between the first and the last stored bar).
     */
    public List<Bar> bars(Sql sql, String pool, BarInterval interval, Instant from, Instant to) {
        String[] widths = Arrays.stream(BarInterval.values())
                .filter(w -> interval.seconds() % w.seconds() == 0).map(Enum::name).toArray(String[]::new);
        Map<BarInterval, List<Bar>> byWidth = new TreeMap<>();
        sql.list("select " + BAR_COLUMNS + " from pool_bar where pool = $1 and bar_interval = any($2)"
                + " and bar_start >= $3 and bar_start < $4 order by bar_start",
                Tuple.of(pool, widths, Sql.utc(from), Sql.utc(to)), PoolBarStore::bar)
                .forEach(b -> byWidth.computeIfAbsent(b.interval(), w -> new ArrayList<>()).add(b));
        if (byWidth.isEmpty()) {
            return List.of();
        }
        if (byWidth.containsKey(interval)) {
            return filled(byWidth.get(interval));
        }
        BarInterval finest = byWidth.keySet().iterator().next();
        return Candles.resample(filled(byWidth.get(finest)), interval);
    }

    /** The pools with stored bars. */
    public List<String> pools(Sql sql) {
        return sql.list("select distinct pool from pool_bar order by pool", Tuple.tuple(), r -> r.getString("pool"));
    }

    /** Regular bars: each missing interval between two stored bars is a flat bar at the previous close. */
    static List<Bar> filled(List<Bar> bars) {
        List<Bar> out = new ArrayList<>();
        for (Bar b : bars) {
            if (!out.isEmpty()) {
                Bar last = out.get(out.size() - 1);
                Instant next = last.end();
                while (next.isBefore(b.start())) {
                    last = new Bar(next, b.interval(), last.closeSqrtPriceX96(), last.closeTick(), last.closeTick(),
                            last.closeSqrtPriceX96(), last.closeTick(), BigInteger.ZERO, BigInteger.ZERO,
                            last.liquidity(), 0);
                    out.add(last);
                    next = last.end();
                }
            }
            out.add(b);
        }
        return out;
    }

    private static Bar bar(Row r) {
        return new Bar(Sql.instant(r, "bar_start"), BarInterval.valueOf(r.getString("bar_interval")),
                integer(r, "open_sqrt_price"), r.getInteger("low_tick"), r.getInteger("high_tick"),
                integer(r, "close_sqrt_price"), r.getInteger("close_tick"), integer(r, "volume0_in"),
                integer(r, "volume1_in"), integer(r, "liquidity"), r.getInteger("swaps"));
    }

    private static BigInteger integer(Row r, String column) {
        return r.getBigDecimal(column).toBigIntegerExact();
    }
}
