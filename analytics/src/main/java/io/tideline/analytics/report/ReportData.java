package io.tideline.analytics.report;

import io.tideline.analytics.attribution.Attribution;
import io.tideline.analytics.attribution.AttributionService;
import io.tideline.analytics.lots.Disposal;
import io.tideline.analytics.lots.LotMethod;
import io.tideline.analytics.lots.TaxLots;
import io.tideline.analytics.portfolio.Figures;
import io.tideline.analytics.portfolio.Money;
import io.tideline.analytics.portfolio.Portfolio;
import io.tideline.analytics.readmodel.PortfolioQueries;
import io.tideline.analytics.readmodel.Trades;
import io.tideline.analytics.risk.Drawdown;
import io.tideline.analytics.risk.ReturnPeriod;
import io.tideline.analytics.risk.RiskService;
import io.tideline.analytics.risk.ValuePoint;
import io.tideline.analytics.snapshot.Level;
import io.tideline.analytics.snapshot.SnapshotLine;
import io.tideline.analytics.snapshot.SnapshotStore;
import io.tideline.messaging.tx.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Gathers a report's data from the read model and its snapshots. */
@ApplicationScoped
public class ReportData {

    private final SnapshotStore snapshots;
    private final PortfolioQueries portfolio;
    private final AttributionService attribution;
    private final RiskService risk;
    private final Trades trades;

    public ReportData(SnapshotStore snapshots, PortfolioQueries portfolio, AttributionService attribution,
            RiskService risk, Trades trades) {
        this.snapshots = snapshots;
        this.portfolio = portfolio;
        this.attribution = attribution;
        this.risk = risk;
        this.trades = trades;
    }

    public PortfolioReport portfolio(Sql sql, Level level, String scope, Instant from, Instant to, Instant now) {
        List<SnapshotLine> lines = snapshots.series(sql, level, scope, from.minusNanos(1000), to,
                RiskService.MAX_POINTS);
        List<ValuePoint> values = lines.stream().map(l -> new ValuePoint(l.takenAt(), l.figures().value())).toList();
        double[] drawdowns = Drawdown.series(values);
        List<PortfolioReport.Point> points = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            points.add(new PortfolioReport.Point(lines.get(i).takenAt(), lines.get(i).figures().value(),
                    lines.get(i).figures().totalPnl(), drawdowns[i]));
        }
        AttributionService.Report a = attribution.over(sql, from, to, now);
        Attribution scoped = switch (level) {
            case DESK -> a.desk();
            case BOOK -> a.books().stream().filter(b -> b.scope().equals(scope)).findFirst()
                    .orElse(Attribution.sum(scope, from, to, List.of()));
            case STRATEGY -> a.strategies().stream().filter(s -> s.scope().equals(scope)).findFirst()
                    .orElse(Attribution.sum(scope, from, to, List.of()));
        };
        return new PortfolioReport(level, scope, from, to, now, figuresAt(sql, level, scope, to, now), scoped,
                points, risk.calculator(ReturnPeriod.HOURLY).metrics(values));
    }

    public TaxLotReport taxLots(Sql sql, LotMethod method, Instant from, Instant to, Instant now) {
        TaxLots.Result r = TaxLots.match(method, trades.upTo(sql, null, to));
        List<Disposal> inPeriod = r.disposals().stream()
                .filter(d -> !d.closedAt().isBefore(from) && d.closedAt().isBefore(to)).toList();
        BigDecimal shortTerm = Money.ZERO;
        BigDecimal longTerm = Money.ZERO;
        for (Disposal d : inPeriod) {
            if (d.longTerm()) {
                longTerm = longTerm.add(d.gain());
            } else {
                shortTerm = shortTerm.add(d.gain());
            }
        }
        return new TaxLotReport(method, from, to, now, inPeriod, r.open(), shortTerm, longTerm);
    }

    private Figures figuresAt(Sql sql, Level level, String scope, Instant to, Instant now) {
        if (!to.isBefore(now)) {
            Portfolio p = portfolio.now(sql, now);
            return switch (level) {
                case DESK -> p.desk();
                case BOOK -> p.books().stream().filter(b -> b.book().name().equals(scope))
                        .map(Portfolio.BookFigures::figures).findFirst().orElse(Figures.ZERO);
                case STRATEGY -> p.strategies().stream().filter(s -> s.strategyId().equals(scope))
                        .map(Portfolio.StrategyFigures::figures).findFirst().orElse(Figures.ZERO);
            };
        }
        return snapshots.at(sql, level, scope, to).map(l -> l.figures()).orElse(Figures.ZERO);
    }
}
