package io.tideline.alerting.watch;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** {@code watched_price}: the last price of each instrument. */
@ApplicationScoped
public class PriceFacts {

    /**
     * Records a price and returns the one before it; an observation older than the stored one changes nothing and
     * returns empty (prices arrive in order per instrument, but a replay must not move the price back).
     */
    public Optional<BigDecimal> swap(Sql sql, String instrument, BigDecimal price, Instant observedAt) {
        Optional<Row> before = sql.first("select price, observed_at from watched_price where instrument = $1"
                + " for update", Tuple.of(instrument), r -> new Row(r.getBigDecimal("price"),
                Sql.instant(r, "observed_at")));
        if (before.isPresent() && before.get().observedAt().isAfter(observedAt)) {
            return Optional.empty();
        }
        sql.exec("insert into watched_price (instrument, price, observed_at) values ($1, $2, $3)"
                + " on conflict (instrument) do update set price = excluded.price, observed_at = excluded.observed_at",
                Tuple.of(instrument, price, Sql.utc(observedAt)));
        return before.map(Row::price);
    }

    private record Row(BigDecimal price, Instant observedAt) {
    }
}
