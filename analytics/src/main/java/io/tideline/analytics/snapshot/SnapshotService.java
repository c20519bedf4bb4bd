package io.tideline.analytics.snapshot;

import io.tideline.analytics.portfolio.Portfolio;
import io.tideline.analytics.readmodel.PortfolioQueries;
import io.tideline.messaging.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/** Takes a snapshot: the portfolio now, every level, and the pools' latest prices, in one unit of work. */
@ApplicationScoped
public class SnapshotService {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String ON_DEMAND = "ON_DEMAND";

    private final Transactions transactions;
    private final PortfolioQueries portfolio;
    private final SnapshotStore store;
    private final Clock clock;

    public SnapshotService(Transactions transactions, PortfolioQueries portfolio, SnapshotStore store, Clock clock) {
        this.transactions = transactions;
        this.portfolio = portfolio;
        this.store = store;
        this.clock = clock;
    }

    /** What a snapshot holds, in short. */
    public record Taken(long snapshotId, Instant takenAt, String reason, int strategies) {
    }

    public Taken take(String reason) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.run(uow -> {
            Portfolio p = portfolio.now(uow, at);
            Map<String, BigDecimal> pools = new TreeMap<>();
            Map<String, BigDecimal> marks = portfolio.marks(uow);
            p.strategies().forEach(s -> {
                if (s.pool() != null && marks.containsKey(s.pool())) {
                    pools.put(s.pool(), marks.get(s.pool()));
                }
            });
            long id = store.write(uow, p, reason, pools);
            return new Taken(id, at, reason, p.strategies().size());
        });
    }
}
