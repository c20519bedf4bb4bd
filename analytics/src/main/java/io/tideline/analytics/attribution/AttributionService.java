package io.tideline.analytics.attribution;

import io.tideline.analytics.portfolio.Portfolio;
import io.tideline.analytics.readmodel.PortfolioQueries;
import io.tideline.analytics.snapshot.Level;
import io.tideline.analytics.snapshot.SnapshotLine;
import io.tideline.analytics.snapshot.SnapshotStore;
import io.tideline.messaging.tx.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Attribution over a window from the read model: the cumulative parts at the window's start (the last snapshot at or
 * before it; zero before the first) and at its end (the last snapshot at or before it, or the live portfolio when the
 * end is now or later), per strategy, per book and for the desk.
 */
@ApplicationScoped
public class AttributionService {

    private final SnapshotStore snapshots;
    private final PortfolioQueries portfolio;

    public AttributionService(SnapshotStore snapshots, PortfolioQueries portfolio) {
        this.snapshots = snapshots;
        this.portfolio = portfolio;
    }

    /** Every strategy's attribution, each book's and the desk's (sums of their strategies', exact). */
    public record Report(Instant from, Instant to, Attribution desk, List<Attribution> books,
                         List<Attribution> strategies) {
    }

    public Report over(Sql sql, Instant from, Instant to, Instant now) {
        Map<String, Attribution.Cumulative> start = readings(snapshots.linesAt(sql, from));
        Map<String, Attribution.Cumulative> end = new HashMap<>();
        Map<String, String> bookOf = new HashMap<>();
        if (!to.isBefore(now)) {
            Portfolio p = portfolio.now(sql, now);
            p.strategies().forEach(s -> {
                end.put(s.strategyId(), new Attribution.Cumulative(s.figures().parts(), s.figures().totalPnl()));
                bookOf.put(s.strategyId(), s.book().name());
            });
        } else {
            for (SnapshotLine l : snapshots.linesAt(sql, to)) {
                if (l.level() == Level.STRATEGY) {
                    end.put(l.scope(), new Attribution.Cumulative(l.figures().parts(), l.figures().totalPnl()));
                    bookOf.put(l.scope(), l.book());
                }
            }
        }
        List<Attribution> strategies = new ArrayList<>();
        for (String id : new TreeSet<>(end.keySet())) {
            strategies.add(Attribution.between(id, from, to, start.getOrDefault(id, Attribution.Cumulative.ZERO),
                    end.get(id)));
        }
        List<Attribution> books = new ArrayList<>();
        for (io.tideline.analytics.portfolio.Book book : io.tideline.analytics.portfolio.Book.values()) {
            books.add(Attribution.sum(book.name(), from, to, strategies.stream()
                    .filter(a -> book.name().equals(bookOf.get(a.scope()))).toList()));
        }
        return new Report(from, to, Attribution.sum("desk", from, to, strategies), books, strategies);
    }

    private static Map<String, Attribution.Cumulative> readings(List<SnapshotLine> lines) {
        Map<String, Attribution.Cumulative> out = new HashMap<>();
        for (SnapshotLine l : lines) {
            if (l.level() == Level.STRATEGY) {
                out.put(l.scope(), new Attribution.Cumulative(l.figures().parts(), l.figures().totalPnl()));
            }
        }
        return out;
    }
}
