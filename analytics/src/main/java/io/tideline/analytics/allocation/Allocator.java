package io.tideline.analytics.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits capital across pools by {@link AllocationMethod}. The weights are solved in floating point (they are
 * estimates of estimates); the dollar amounts are exact: each is capital × weight rounded half-even at the capital's
 * scale, and the rounding remainder goes to the largest part so that the parts add up to the capital.
 */
public final class Allocator {

    private static final int MAX_SWEEPS = 10_000;
    private static final double TOLERANCE = 1e-12;

    private Allocator() {
    }

    public static Allocation allocate(AllocationMethod method, ReturnEstimates estimates, BigDecimal capital) {
        if (capital == null || capital.signum() < 0) {
            throw new IllegalArgumentException("capital must be zero or more, was " + capital);
        }
        double[] w = switch (method) {
            case RISK_PARITY -> riskParity(estimates.covariance());
            case MEAN_VARIANCE -> tangency(estimates.expected(), estimates.covariance());
        };
        return describe(method, estimates, capital, w);
    }

    /**
     * Equal risk contribution by cyclical coordinate descent on {@code ½wᵀΣw − (1/n)Σ ln w_i} (its minimum has equal
     * contributions; Griveau-Billion, Richard and Roncalli 2013), then normalised to sum to one.
     */
    static double[] riskParity(double[][] cov) {
        int n = cov.length;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 / Math.sqrt(cov[i][i]);
        }
        double budget = 1.0 / n;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                double b = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        b += cov[i][j] * w[j];
                    }
                }
                double next = (-b + Math.sqrt(b * b + 4 * cov[i][i] * budget)) / (2 * cov[i][i]);
                change = Math.max(change, Math.abs(next - w[i]) / next);
                w[i] = next;
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return normalised(w);
    }

    /**
     * Long-only tangency: {@code w ∝ Σ⁻¹μ} on the pools still in, dropping the most negative weight and solving again
     * until none is negative. When no pool has a positive expected return there is nothing to earn: all weights zero.
     */
    static double[] tangency(double[] mu, double[][] cov) {
        int n = mu.length;
        boolean[] in = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            in[i] = mu[i] > 0;
            if (in[i]) {
                count++;
            }
        }
        while (count > 0) {
            int[] index = new int[count];
            for (int i = 0, k = 0; i < n; i++) {
                if (in[i]) {
                    index[k++] = i;
                }
            }
            double[][] sub = new double[count][count];
            double[] rhs = new double[count];
            for (int a = 0; a < count; a++) {
                rhs[a] = mu[index[a]];
                for (int b = 0; b < count; b++) {
                    sub[a][b] = cov[index[a]][index[b]];
                }
            }
            double[] x = solve(sub, rhs);
            int worst = -1;
            for (int a = 0; a < count; a++) {
                if (x[a] < 0 && (worst < 0 || x[a] < x[worst])) {
                    worst = a;
                }
            }
            if (worst < 0) {
                double[] w = new double[n];
                for (int a = 0; a < count; a++) {
                    w[index[a]] = x[a];
                }
                return normalised(w);
            }
            in[index[worst]] = false;
            count--;
        }
        return new double[n];
    }

    /** Gaussian elimination with partial pivoting; the matrix is a covariance, so positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[n + 1];
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            if (m[col][col] == 0) {
                throw new IllegalArgumentException("covariance is singular: two pools move as one");
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * x[c];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }

    private static double[] normalised(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / sum;
        }
        return out;
    }

    private static Allocation describe(AllocationMethod method, ReturnEstimates estimates, BigDecimal capital,
            double[] w) {
        int n = w.length;
        double[][] cov = estimates.covariance();
        double[] sigmaW = new double[n];
        double variance = 0;
        double expected = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sigmaW[i] += cov[i][j] * w[j];
            }
            variance += w[i] * sigmaW[i];
            expected += w[i] * estimates.expected()[i];
        }
        int scale = Math.max(capital.scale(), 0);
        List<BigDecimal> amounts = new ArrayList<>();
        BigDecimal assigned = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal amount = capital.multiply(BigDecimal.valueOf(w[i])).setScale(scale, RoundingMode.HALF_EVEN);
            amounts.add(amount);
            assigned = assigned.add(amount);
            if (w[i] > w[largest]) {
                largest = i;
            }
        }
        if (assigned.signum() != 0 || capital.signum() == 0) {
            amounts.set(largest, amounts.get(largest).add(capital.setScale(scale).subtract(assigned)));
        }
        List<PoolAllocation> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double contribution = variance == 0 ? 0 : w[i] * sigmaW[i] / variance;
            parts.add(new PoolAllocation(estimates.pools().get(i), scaled(w[i], 6), amounts.get(i),
                    scaled(contribution, 6)));
        }
        return new Allocation(method, capital, parts, scaled(expected, 8), scaled(Math.sqrt(variance), 8));
    }

    private static BigDecimal scaled(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
