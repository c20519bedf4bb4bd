package io.tideline.analytics.report;

import io.tideline.analytics.lots.Disposal;
import io.tideline.analytics.lots.OpenLot;
import io.tideline.analytics.portfolio.Figures;
import io.tideline.analytics.risk.RiskMetrics;
import io.tideline.analytics.risk.TailRisk;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections of the reports as named rows, once, for every format: CSV, XLSX and PDF lay out the same content.
 * Values are {@link BigDecimal} (money, exact), {@link Double} (risk statistics), {@link java.time.Instant} or text.
 */
public final class ReportRows {

    private ReportRows() {
    }

    /** A section: a title, its column names and its rows. */
    public record Section(String title, List<String> columns, List<List<Object>> rows) {
    }

    public static List<Section> of(PortfolioReport r) {
        List<Section> out = new ArrayList<>();
        out.add(new Section("Summary", List.of("field", "value"), List.of(List.of("level", r.level().name()),
                List.of("scope", r.scope()), List.of("from", r.from()), List.of("to", r.to()),
                List.of("generatedAt", r.generatedAt()), List.of("currency", "USD, scale 18"))));
        out.add(new Section("Figures", List.of("figure", "usd"), pairs(figures(r.figures()))));
        Map<String, Object> attribution = new LinkedHashMap<>(r.attribution().parts().named());
        attribution.put("total", r.attribution().total());
        out.add(new Section("Attribution", List.of("part", "usd"), pairs(attribution)));
        List<List<Object>> series = new ArrayList<>();
        r.series().forEach(p -> series.add(List.of(p.at(), p.value(), p.totalPnl(), p.drawdown())));
        out.add(new Section("Series", List.of("at", "value", "totalPnl", "drawdown"), series));
        out.add(new Section("Risk", List.of("metric", "value"), pairs(risk(r.risk()))));
        return out;
    }

    public static List<Section> of(TaxLotReport r) {
        List<Section> out = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", r.method().name());
        summary.put("from", r.from());
        summary.put("to", r.to());
        summary.put("generatedAt", r.generatedAt());
        summary.put("shortTermGain", r.shortTermGain());
        summary.put("longTermGain", r.longTermGain());
        summary.put("totalGain", r.shortTermGain().add(r.longTermGain()));
        out.add(new Section("Summary", List.of("field", "value"), pairs(summary)));
        List<List<Object>> disposals = new ArrayList<>();
        for (Disposal d : r.disposals()) {
            disposals.add(List.of(d.instrument(), d.openTradeId(), d.closeTradeId(), d.shortPosition() ? "short" : "long",
                    d.openedAt(), d.closedAt(), d.quantity(), d.costBasis(), d.proceeds(), d.gain(),
                    d.longTerm() ? "long-term" : "short-term"));
        }
        out.add(new Section("Disposals", List.of("instrument", "openTrade", "closeTrade", "position", "openedAt",
                "closedAt", "quantity", "costBasis", "proceeds", "gain", "term"), disposals));
        List<List<Object>> open = new ArrayList<>();
        for (OpenLot l : r.open()) {
            open.add(List.of(l.instrument(), l.tradeId(), l.shortPosition() ? "short" : "long", l.openedAt(),
                    l.quantity(), l.amount()));
        }
        out.add(new Section("Open lots", List.of("instrument", "trade", "position", "openedAt", "quantity",
                "amount"), open));
        return out;
    }

    static Map<String, Object> figures(Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", f.value());
        m.put("cost", f.cost());
        m.put("feesEarned", f.feesEarned());
        m.put("impermanentLoss", f.impermanentLoss());
        m.put("hedgeRealized", f.hedgeRealized());
        m.put("hedgeUnrealized", f.hedgeUnrealized());
        m.put("funding", f.funding());
        m.put("gas", f.gas());
        m.put("feesPaid", f.feesPaid());
        m.put("takeProfit", f.takeProfit());
        m.put("predictionMarket", f.predictionMarket());
        m.put("totalPnl", f.totalPnl());
        return m;
    }

    static Map<String, Object> risk(RiskMetrics r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", r.period().name());
        m.put("observations", (double) r.observations());
        m.put("meanReturn", r.meanReturn());
        m.put("volatility", r.volatility());
        m.put("annualisedReturn", r.annualisedReturn());
        m.put("sharpe", r.sharpe());
        m.put("sortino", r.sortino());
        m.put("calmar", r.calmar());
        m.put("maxDrawdown", r.drawdown().maxDrawdown());
        m.put("drawdownPeakAt", r.drawdown().peakAt());
        m.put("drawdownTroughAt", r.drawdown().troughAt());
        m.put("drawdownRecoveredAt", r.drawdown().recoveredAt());
        for (TailRisk t : r.tails()) {
            String c = Integer.toString((int) Math.round(t.confidence() * 100));
            m.put("historicalVar" + c, t.historicalVar());
            m.put("historicalCvar" + c, t.historicalCvar());
            m.put("parametricVar" + c, t.parametricVar());
            m.put("parametricCvar" + c, t.parametricCvar());
        }
        return m;
    }

    private static List<List<Object>> pairs(Map<String, ?> m) {
        List<List<Object>> rows = new ArrayList<>();
        m.forEach((k, v) -> rows.add(java.util.Arrays.asList(k, v)));
        return rows;
    }
}
