package io.tideline.analytics.risk;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pearson correlations between named return series (strategies, pools), each pair over the periods both have a return
 * for (pairwise complete). A pair with fewer than three common returns, or a series without dispersion, has no
 * correlation ({@code null}); the diagonal is 1.
 *
 * @param names  row and column order
 * @param values {@code values[i][j]} between {@code names[i]} and {@code names[j]}
 */
public record CorrelationMatrix(List<String> names, Double[][] values) {

    public static CorrelationMatrix of(Map<String, Returns> series) {
        List<String> names = series.keySet().stream().sorted().toList();
        int n = names.size();
        Double[][] values = new Double[n][n];
        for (int i = 0; i < n; i++) {
            values[i][i] = 1.0;
            for (int j = i + 1; j < n; j++) {
                Double c = pearson(series.get(names.get(i)), series.get(names.get(j)));
                values[i][j] = c;
                values[j][i] = c;
            }
        }
        return new CorrelationMatrix(names, values);
    }

    static Double pearson(Returns a, Returns b) {
        if (a.at() == b.at() || a.at().equals(b.at())) {
            // the usual case: snapshots are taken for every strategy at the same times
            return pearson(a.values(), b.values(), a.size());
        }
        Map<Instant, Double> byTime = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            byTime.put(a.at().get(i), a.values()[i]);
        }
        int n = 0;
        double[] x = new double[b.size()];
        double[] y = new double[b.size()];
        for (int j = 0; j < b.size(); j++) {
            Double av = byTime.get(b.at().get(j));
            if (av != null) {
                x[n] = av;
                y[n] = b.values()[j];
                n++;
            }
        }
        return pearson(x, y, n);
    }

    private static Double pearson(double[] x, double[] y, int n) {
        if (n < 3) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < n; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }
        if (sxx == 0 || syy == 0) {
            return null;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
