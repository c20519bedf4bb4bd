package io.tideline.perp.market;

import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;

/** The latest price of each pool ({@code perp_pool_price}), from lp-tracker's PriceObserved: the paper venue's book. */
@ApplicationScoped
public class PoolPrices {

    /** Keeps the observation if it is not older than the one kept. */
    public void record(UnitOfWork uow, PriceObserved price) {
        uow.exec("insert into perp_pool_price (instrument, price, observed_at) values ($1, $2, $3)"
                + " on conflict (instrument) do update set price = excluded.price, observed_at = excluded.observed_at,"
                + " updated_at = now() where perp_pool_price.observed_at <= excluded.observed_at",
                Tuple.of(price.instrument(), price.price(), Sql.utc(price.observedAt())));
    }

    /** The pool's latest price (token1 per token0), if one was observed. */
    public Optional<BigDecimal> latest(Sql sql, String pool) {
        return sql.first("select price from perp_pool_price where instrument = $1", Tuple.of(pool),
                r -> r.getBigDecimal(0));
    }
}
