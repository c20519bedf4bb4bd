package io.tideline.perp.marketdata;

import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** The {@code perp_published_price} table's one home: the latest venue price published per instrument. */
@ApplicationScoped
public class PublishedPrices {

    /**
     * Keeps {@code price} as the instrument's latest if it differs from the one kept and is newer, in one statement
     * (two instances reading the same price cannot both win); true if it was kept, i.e. is to be published.
     */
    public boolean keepIfNew(UnitOfWork uow, String market, PriceObserved price, UUID eventId) {
        return uow.first("insert into perp_published_price (instrument, market, source, price, observed_at, event_id)"
                + " values ($1, $2, $3, $4, $5, $6) on conflict (instrument) do update set market = excluded.market,"
                + " source = excluded.source, price = excluded.price, observed_at = excluded.observed_at,"
                + " event_id = excluded.event_id where perp_published_price.price <> excluded.price"
                + " and perp_published_price.observed_at < excluded.observed_at returning instrument",
                Tuple.from(new Object[] {price.instrument(), market, price.source(), price.price(),
                        Sql.utc(price.observedAt()), eventId}), r -> r.getString(0)).isPresent();
    }

    /** The latest price published for a venue market, if any. */
    public Optional<BigDecimal> latestOfMarket(Sql sql, String market) {
        return sql.first("select price from perp_published_price where market = $1 order by observed_at desc"
                + " limit 1", Tuple.of(market), r -> r.getBigDecimal(0));
    }
}
