package io.tideline.analytics.readmodel;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@code price_mark}: the latest price of each instrument; an older observation never replaces a newer one. */
@ApplicationScoped
public class PriceMarks {

    public void record(Sql sql, String instrument, BigDecimal price, Instant observedAt) {
        sql.exec("insert into price_mark (instrument, price, observed_at) values ($1, $2, $3)"
                + " on conflict (instrument) do update set price = excluded.price, observed_at = excluded.observed_at"
                + " where price_mark.observed_at <= excluded.observed_at",
                Tuple.of(instrument, price, Sql.utc(observedAt)));
    }

    /** Records many marks in one round trip (each instrument once). */
    public void recordAll(Sql sql, java.util.Collection<Mark> marks) {
        sql.batch("insert into price_mark (instrument, price, observed_at) values ($1, $2, $3)"
                + " on conflict (instrument) do update set price = excluded.price, observed_at = excluded.observed_at"
                + " where price_mark.observed_at <= excluded.observed_at",
                marks.stream().map(m -> Tuple.of(m.instrument(), m.price(), Sql.utc(m.observedAt()))).toList());
    }

    /** An instrument's price at a time. */
    public record Mark(String instrument, BigDecimal price, Instant observedAt) {
    }

    public Map<String, BigDecimal> all(Sql sql) {
        Map<String, BigDecimal> marks = new HashMap<>();
        sql.list("select instrument, price from price_mark", Tuple.tuple(),
                r -> marks.put(r.getString("instrument"), r.getBigDecimal("price")));
        return marks;
    }
}
