package io.tideline.analytics.allocation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AllocatorTest {

    private static final BigDecimal MILLION = new BigDecimal("1000000.00");

    @Test
    void riskParityOfUncorrelatedPoolsWeighsEachByItsInverseVolatility() {
        ReturnEstimates e = new ReturnEstimates(List.of("a", "b"), new double[] {0.01, 0.01},
                new double[][] {{0.01, 0}, {0, 0.04}});
        Allocation a = Allocator.allocate(AllocationMethod.RISK_PARITY, e, MILLION);
        // volatilities 0.1 and 0.2: weights 2/3 and 1/3
        assertThat(a.pools()).extracting(PoolAllocation::weight)
                .containsExactly(new BigDecimal("0.666667"), new BigDecimal("0.333333"));
        assertThat(a.pools()).extracting(PoolAllocation::amount)
                .containsExactly(new BigDecimal("666666.67"), new BigDecimal("333333.33"));
        assertThat(a.pools()).extracting(PoolAllocation::riskContribution)
                .containsExactly(new BigDecimal("0.500000"), new BigDecimal("0.500000"));
    }

    @Test
    void riskParityOfCorrelatedPoolsEqualisesTheirRiskContributions() {
        double[][] cov = {
                {0.0400, 0.0180, 0.0060},
                {0.0180, 0.0225, 0.0030},
                {0.0060, 0.0030, 0.0100}};
        double[] w = Allocator.riskParity(cov);
        double[] contribution = new double[3];
        double total = 0;
        for (int i = 0; i < 3; i++) {
            double row = 0;
            for (int j = 0; j < 3; j++) {
                row += cov[i][j] * w[j];
            }
            contribution[i] = w[i] * row;
            total += contribution[i];
        }
        for (int i = 0; i < 3; i++) {
            assertThat(contribution[i] / total).isCloseTo(1.0 / 3, within(1e-9));
            assertThat(w[i]).isPositive();
        }
        assertThat(w[0] + w[1] + w[2]).isCloseTo(1.0, within(1e-12));
        // the most volatile, most correlated pool gets the least
        assertThat(w[0]).isLessThan(w[1]).isLessThan(w[2]);
    }

    @Test
    void meanVarianceMatchesTheClosedFormTangencyOfTwoPools() {
        double s1 = 0.03;
        double s2 = 0.05;
        double rho = 0.4;
        double c = rho * s1 * s2;
        double[] mu = {0.004, 0.006};
        ReturnEstimates e = new ReturnEstimates(List.of("eth-usdc-5", "wbtc-eth-30"), mu,
                new double[][] {{s1 * s1, c}, {c, s2 * s2}});
        // w ∝ Σ⁻¹μ with the 2×2 inverse written out
        double det = s1 * s1 * s2 * s2 - c * c;
        double x1 = (s2 * s2 * mu[0] - c * mu[1]) / det;
        double x2 = (s1 * s1 * mu[1] - c * mu[0]) / det;
        double expected1 = x1 / (x1 + x2);

        Allocation a = Allocator.allocate(AllocationMethod.MEAN_VARIANCE, e, MILLION);

        assertThat(a.pools().get(0).weight().doubleValue()).isCloseTo(expected1, within(1e-6));
        assertThat(a.pools().get(1).weight().doubleValue()).isCloseTo(1 - expected1, within(1e-6));
        assertThat(a.expectedReturn().doubleValue())
                .isCloseTo(expected1 * mu[0] + (1 - expected1) * mu[1], within(1e-8));
    }

    @Test
    void meanVarianceLeavesOutPoolsThatWouldBeShortedOrEarnNothing() {
        // c is a near copy of a with a lower return: unconstrained, it would be shorted to buy more of a
        double[][] cov = {
                {0.0100, 0.0095, 0.0},
                {0.0095, 0.0100, 0.0},
                {0.0, 0.0, 0.0200}};
        ReturnEstimates e = new ReturnEstimates(List.of("a", "c", "d", "loser"),
                new double[] {0.010, 0.004, 0.006, -0.002}, widen(cov));
        Allocation a = Allocator.allocate(AllocationMethod.MEAN_VARIANCE, e, MILLION);

        assertThat(a.pools().get(1).weight()).isEqualByComparingTo("0");
        assertThat(a.pools().get(3).weight()).isEqualByComparingTo("0");
        // a and d alone, uncorrelated: w ∝ μ/σ² = 1.0 and 0.3
        assertThat(a.pools().get(0).weight()).isEqualByComparingTo(new BigDecimal("0.769231"));
        assertThat(a.pools().get(2).weight()).isEqualByComparingTo(new BigDecimal("0.230769"));
        assertThat(a.pools().stream().map(PoolAllocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(MILLION);
    }

    @Test
    void nothingIsInvestedWhenNoPoolIsExpectedToEarn() {
        ReturnEstimates e = new ReturnEstimates(List.of("a", "b"), new double[] {-0.01, 0},
                new double[][] {{0.01, 0}, {0, 0.04}});
        Allocation a = Allocator.allocate(AllocationMethod.MEAN_VARIANCE, e, MILLION);
        assertThat(a.pools()).allSatisfy(p -> {
            assertThat(p.weight()).isEqualByComparingTo("0");
            assertThat(p.amount()).isEqualByComparingTo("0");
        });
    }

    @Test
    void thePartsAddUpToTheCapitalExactly() {
        ReturnEstimates e = new ReturnEstimates(List.of("a", "b", "c"), new double[] {0.01, 0.01, 0.01},
                new double[][] {{0.01, 0, 0}, {0, 0.01, 0}, {0, 0, 0.01}});
        BigDecimal capital = new BigDecimal("100.00");
        Allocation a = Allocator.allocate(AllocationMethod.RISK_PARITY, e, capital);
        assertThat(a.pools()).extracting(PoolAllocation::amount).containsExactlyInAnyOrder(
                new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
        assertThat(a.pools().stream().map(PoolAllocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(capital);
    }

    @Test
    void estimatesFromReturnSeriesUseTheSampleCovariance() {
        ReturnEstimates e = ReturnEstimates.fromReturns(List.of("a", "b"),
                List.of(new double[] {0.01, 0.03, -0.01}, new double[] {0.02, 0.00, 0.04}));
        assertThat(e.expected()[0]).isCloseTo(0.01, within(1e-15));
        assertThat(e.expected()[1]).isCloseTo(0.02, within(1e-15));
        // deviations a: 0, .02, -.02; b: 0, -.02, .02 → var .0004, cov -.0004
        assertThat(e.covariance()[0][0]).isCloseTo(0.0004, within(1e-15));
        assertThat(e.covariance()[0][1]).isCloseTo(-0.0004, within(1e-15));
    }

    @Test
    void refusesEstimatesThatCannotBeACovariance() {
        assertThatThrownBy(() -> new ReturnEstimates(List.of("a", "b"), new double[] {0, 0},
                new double[][] {{0.01, 0.002}, {0.003, 0.01}})).hasMessageContaining("symmetric");
        assertThatThrownBy(() -> new ReturnEstimates(List.of("a"), new double[] {0}, new double[][] {{0}}))
                .hasMessageContaining("variance of a must be positive");
        assertThatThrownBy(() -> Allocator.allocate(AllocationMethod.RISK_PARITY,
                new ReturnEstimates(List.of("a"), new double[] {0}, new double[][] {{0.01}}), new BigDecimal("-1")))
                .hasMessageContaining("capital");
    }

    private static double[][] widen(double[][] cov) {
        double[][] four = new double[4][4];
        int[] map = {0, 1, 2};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                four[map[i]][map[j]] = cov[i][j];
            }
        }
        four[3][3] = 0.01;
        return four;
    }
}
