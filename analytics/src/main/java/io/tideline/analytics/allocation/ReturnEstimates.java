package io.tideline.analytics.allocation;

import java.util.List;

/**
 * Per-period return estimates of the pools that capital may go to: their expected returns and their covariance (the
 * same period for both; from realized or backtested equity curves).
 *
 * @param pools      the pools' names, in the order of the arrays
 * @param expected   expected excess return per period, per pool
 * @param covariance covariance of the returns, symmetric and positive definite
 */
public record ReturnEstimates(List<String> pools, double[] expected, double[][] covariance) {

    public ReturnEstimates {
        pools = List.copyOf(pools);
        int n = pools.size();
        if (n == 0) {
            throw new IllegalArgumentException("pools: at least one is needed");
        }
        if (expected.length != n || covariance.length != n) {
            throw new IllegalArgumentException("expected and covariance must have one entry per pool (" + n + ")");
        }
        for (int i = 0; i < n; i++) {
            if (covariance[i].length != n) {
                throw new IllegalArgumentException("covariance must be " + n + " by " + n);
            }
            if (!(covariance[i][i] > 0)) {
                throw new IllegalArgumentException("covariance: the variance of " + pools.get(i)
                        + " must be positive, was " + covariance[i][i]);
            }
            for (int j = 0; j < i; j++) {
                if (Math.abs(covariance[i][j] - covariance[j][i]) > 1e-12 * Math.max(1, Math.abs(covariance[i][j]))) {
                    throw new IllegalArgumentException("covariance must be symmetric: entries (" + i + "," + j
                            + ") and (" + j + "," + i + ") differ");
                }
            }
        }
        expected = expected.clone();
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = covariance[i].clone();
        }
        covariance = copy;
    }

    /** Estimates from equal-length return series, one per pool (sample mean and covariance, divisor n − 1). */
    public static ReturnEstimates fromReturns(List<String> pools, List<double[]> returns) {
        int n = pools.size();
        if (returns.size() != n) {
            throw new IllegalArgumentException("returns: one series per pool (" + n + ")");
        }
        int periods = returns.get(0).length;
        if (periods < 2) {
            throw new IllegalArgumentException("returns: at least two periods are needed");
        }
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            if (returns.get(i).length != periods) {
                throw new IllegalArgumentException("returns: every series must have " + periods + " periods");
            }
            for (double r : returns.get(i)) {
                mean[i] += r;
            }
            mean[i] /= periods;
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = 0; k < periods; k++) {
                    sum += (returns.get(i)[k] - mean[i]) * (returns.get(j)[k] - mean[j]);
                }
                cov[i][j] = cov[j][i] = sum / (periods - 1);
            }
        }
        return new ReturnEstimates(pools, mean, cov);
    }

    int size() {
        return pools.size();
    }
}
