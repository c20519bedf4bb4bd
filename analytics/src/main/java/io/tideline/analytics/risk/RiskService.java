package io.tideline.analytics.risk;

import io.tideline.analytics.readmodel.AnalyticsConfig;
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

/**
 * Risk from the snapshot series: a scope's value series, hourly as taken or daily (the last snapshot of each UTC
 * day), through {@link RiskCalculator}; the correlation of strategies' value returns and pools' price returns.
 */
@ApplicationScoped
public class RiskService {

    /** The longest series read at once: five years of hourly snapshots. */
    public static final int MAX_POINTS = 5 * 8760 + 48;

    private final SnapshotStore snapshots;
    private final double riskFreeRate;

    public RiskService(SnapshotStore snapshots, AnalyticsConfig config) {
        this.snapshots = snapshots;
        this.riskFreeRate = config.risk().riskFreeRate();
    }

    public RiskMetrics metrics(Sql sql, Level level, String scope, ReturnPeriod period, Instant from, Instant to) {
        List<SnapshotLine> lines = snapshots.series(sql, level, scope, from.minusNanos(1000), to, MAX_POINTS);
        List<ValuePoint> values = lines.stream().map(l -> new ValuePoint(l.takenAt(), l.figures().value())).toList();
        return calculator(period).metrics(sample(values, period));
    }

    public RiskCalculator calculator(ReturnPeriod period) {
        return new RiskCalculator(new RiskConventions(period, riskFreeRate, 0));
    }

    public CorrelationMatrix correlation(Sql sql, ReturnPeriod period, Instant from, Instant to) {
        Map<String, Returns> series = new HashMap<>();
        snapshots.strategySeries(sql, from, to).forEach((id, lines) -> series.put("strategy:" + id,
                Returns.simple(sample(lines.stream().map(l -> new ValuePoint(l.takenAt(), l.figures().value()))
                        .toList(), period))));
        snapshots.poolSeries(sql, from, to).forEach((pool, points) -> series.put("pool:" + pool,
                Returns.simple(sample(points.stream().map(x -> new ValuePoint(x.at(), x.price())).toList(),
                        period))));
        return CorrelationMatrix.of(series);
    }

    /** Hourly: the series as taken. Daily: the last point of each UTC day. */
    static List<ValuePoint> sample(List<ValuePoint> series, ReturnPeriod period) {
        if (period == ReturnPeriod.HOURLY) {
            return series;
        }
        List<ValuePoint> daily = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            boolean lastOfDay = i == series.size() - 1 || day(series.get(i + 1).at()) != day(series.get(i).at());
            if (lastOfDay) {
                daily.add(series.get(i));
            }
        }
        return daily;
    }

    /** The UTC day of an instant, as days since the epoch. */
    private static long day(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 86_400L);
    }
}
