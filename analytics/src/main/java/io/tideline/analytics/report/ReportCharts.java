package io.tideline.analytics.report;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** The report's charts (JFreeChart), drawn headless: equity curve, drawdown, attribution bars. */
public final class ReportCharts {

    static final int WIDTH = 900;
    static final int HEIGHT = 420;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReportCharts() {
    }

    public static BufferedImage equityCurve(PortfolioReport r) {
        TimeSeries value = new TimeSeries("value (USD)");
        r.series().forEach(p -> value.addOrUpdate(new Millisecond(Date.from(p.at())), p.value().doubleValue()));
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Equity curve", "time (UTC)", "USD",
                new TimeSeriesCollection(value), false, false, false);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    public static BufferedImage drawdown(PortfolioReport r) {
        TimeSeries drawdown = new TimeSeries("drawdown (%)");
        r.series().forEach(p -> drawdown.addOrUpdate(new Millisecond(Date.from(p.at())), p.drawdown() * 100));
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Drawdown", "time (UTC)", "% below the running peak",
                new TimeSeriesCollection(drawdown), false, false, false);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    public static BufferedImage attribution(PortfolioReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, BigDecimal> part : r.attribution().parts().named().entrySet()) {
            data.addValue(part.getValue().doubleValue(), "USD", part.getKey());
        }
        data.addValue(r.attribution().total().doubleValue(), "USD", "total");
        JFreeChart chart = ChartFactory.createBarChart("P&L attribution", "part", "USD", data,
                PlotOrientation.VERTICAL, false, false, false);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }
}
