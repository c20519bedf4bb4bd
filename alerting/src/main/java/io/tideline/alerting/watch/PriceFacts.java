package io.tideline.alerting.watch;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code watched_price}: the last price of each instrument. A unit of work (a batch of price events) reads the prices
 * it needs once, locking their rows, moves them in memory event by event, and writes each changed one once before it
 * commits: two statements per batch instead of two per event.
 */
@ApplicationScoped
public class PriceFacts {

    /** Reads, and locks until the commit, the stored prices of these instruments (those not read yet in this unit). */
    public void load(UnitOfWork uow, Collection<String> instruments) {
        Book book = book(uow);
        String[] missing = instruments.stream().distinct().filter(i -> !book.read.containsKey(i))
                .toArray(String[]::new);
        if (missing.length == 0) {
            return;
        }
        Map<String, Last> found = new HashMap<>();
        for (Map.Entry<String, Last> row : uow.list("select instrument, price, observed_at from watched_price"
                + " where instrument = any($1) for update", Tuple.of(missing), r -> Map.entry(r.getString("instrument"),
                new Last(r.getBigDecimal("price"), Sql.instant(r, "observed_at"))))) {
            found.put(row.getKey(), row.getValue());
        }
        for (String instrument : missing) {
            book.read.put(instrument, Optional.ofNullable(found.get(instrument)));
        }
    }

    /**
     * Records a price and returns the one before it; an observation older than the stored one changes nothing and
     * returns empty (prices arrive in order per instrument, but a replay must not move the price back).
     */
    public Optional<BigDecimal> swap(UnitOfWork uow, String instrument, BigDecimal price, Instant observedAt) {
        Book book = book(uow);
        if (!book.read.containsKey(instrument)) {
            load(uow, java.util.List.of(instrument));
        }
        Optional<Last> before = book.read.get(instrument);
        if (before.isPresent() && before.get().observedAt().isAfter(observedAt)) {
            return Optional.empty();
        }
        Last now = new Last(price, observedAt);
        book.read.put(instrument, Optional.of(now));
        book.changed.put(instrument, now);
        return before.map(Last::price);
    }

    private static Book book(UnitOfWork uow) {
        return uow.attached(Book.class, () -> {
            Book book = new Book();
            uow.beforeCommit(() -> write(uow, book.changed));
            return book;
        });
    }

    private static void write(UnitOfWork uow, Map<String, Last> changed) {
        if (changed.isEmpty()) {
            return;
        }
        String[] instruments = changed.keySet().toArray(String[]::new);
        BigDecimal[] prices = new BigDecimal[instruments.length];
        java.time.OffsetDateTime[] times = new java.time.OffsetDateTime[instruments.length];
        for (int i = 0; i < instruments.length; i++) {
            Last last = changed.get(instruments[i]);
            prices[i] = last.price();
            times[i] = Sql.utc(last.observedAt());
        }
        uow.exec("insert into watched_price (instrument, price, observed_at)"
                + " select * from unnest($1::text[], $2::numeric[], $3::timestamptz[])"
                + " on conflict (instrument) do update set price = excluded.price, observed_at = excluded.observed_at",
                Tuple.of(instruments, prices, times));
    }

    /** The prices a unit of work has read (empty: none stored) and those it changed, in first-change order. */
    private static final class Book {
        private final Map<String, Optional<Last>> read = new HashMap<>();
        private final Map<String, Last> changed = new LinkedHashMap<>();
    }

    private record Last(BigDecimal price, Instant observedAt) {
    }
}
