package io.tideline.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class RiskCalculatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final double EXACT = 1e-12;

    /** 100 → 101 → 103.02 → 101.9898 → 105.049494: daily returns +1 %, +2 %, −1 %, +3 %. */
    private static List<ValuePoint> fourDays() {
        return series(Duration.ofDays(1), "100", "101", "103.02", "101.9898", "105.049494");
    }

    @Test
    void sharpeSortinoAndVolatilityMatchHandComputedDailyVector() {
        RiskMetrics m = new RiskCalculator(RiskConventions.of(ReturnPeriod.DAILY)).metrics(fourDays());

        // mean 0.0125; squared deviations 6.25e-6 + 5.625e-5 + 5.0625e-4 + 3.0625e-4 = 8.75e-4; sample var = 8.75e-4/3
        double sd = Math.sqrt(8.75e-4 / 3);
        assertThat(m.observations()).isEqualTo(4);
        assertThat(m.meanReturn()).isCloseTo(0.0125, within(EXACT));
        assertThat(m.volatility()).isCloseTo(sd * Math.sqrt(365), within(EXACT));
        assertThat(m.sharpe()).isCloseTo(0.0125 / sd * Math.sqrt(365), within(1e-9));
        // downside: only −1 % falls short of 0: sqrt(1e-4 / 4) = 0.005
        assertThat(m.sortino()).isCloseTo(0.0125 / 0.005 * Math.sqrt(365), within(1e-9));
        // geometric: 105.049494 / 100 over 4 days, to the power 365/4
        assertThat(m.annualisedReturn()).isCloseTo(Math.pow(1.05049494, 365.0 / 4) - 1, within(1e-6));
    }

    @Test
    void riskFreeRateIsSubtractedPerPeriod() {
        RiskMetrics m = new RiskCalculator(new RiskConventions(ReturnPeriod.DAILY, 0.0365, 0))
                .metrics(fourDays());
        double sd = Math.sqrt(8.75e-4 / 3);
        assertThat(m.sharpe()).isCloseTo((0.0125 - 0.0001) / sd * Math.sqrt(365), within(1e-9));
    }

    @Test
    void drawdownHasItsPeakTroughAndRecoveryDates() {
        // 100, 120 (peak), 90 (trough, −25 %), 110, 121 (recovered), 100
        List<ValuePoint> s = series(Duration.ofHours(1), "100", "120", "90", "110", "121", "100");
        Drawdown d = Drawdown.of(s);
        assertThat(d.maxDrawdown()).isCloseTo(0.25, within(EXACT));
        assertThat(d.peakAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(d.troughAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(d.recoveredAt()).isEqualTo(T0.plus(Duration.ofHours(4)));

        RiskMetrics m = new RiskCalculator(RiskConventions.of(ReturnPeriod.HOURLY)).metrics(s);
        assertThat(m.calmar()).isCloseTo(m.annualisedReturn() / 0.25, within(1e-9));
    }

    /**
     * Values one unit of the 18th decimal apart are the same double: the peak and the recovery are still decided on
     * the exact values. 1,000,000.000000000000000001 is the peak, the trough 900,000 (−10 %); getting back to
     * 1,000,000 exactly is not a recovery, one unit more is.
     */
    @Test
    void drawdownPeakAndRecoveryAreDecidedOnExactValuesBelowADoublesPrecision() {
        Drawdown d = Drawdown.of(series(Duration.ofHours(1), "1000000", "1000000.000000000000000001", "900000",
                "1000000", "1000000.000000000000000000", "1000000.000000000000000001"));
        assertThat(d.maxDrawdown()).isCloseTo(0.1, within(EXACT));
        assertThat(d.peakAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(d.troughAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(d.recoveredAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
    }

    @Test
    void aSeriesOutOfTimeOrderIsRefusedNamingThePoint() {
        List<ValuePoint> s = series(Duration.ofHours(-1), "100", "101");
        assertThatThrownBy(() -> new RiskCalculator(RiskConventions.of(ReturnPeriod.HOURLY)).metrics(s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(s.get(1).at().toString());
    }

    @Test
    void drawdownNotRecoveredHasNoRecoveryDate() {
        Drawdown d = Drawdown.of(series(Duration.ofHours(1), "100", "110", "99", "108.9", "98.01"));
        assertThat(d.maxDrawdown()).isCloseTo(0.109, within(EXACT)); // (110 − 98.01) / 110
        assertThat(d.peakAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(d.troughAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(d.recoveredAt()).isNull();
    }

    @Test
    void aSeriesThatOnlyRisesHasNoDrawdownAndNoCalmarOrSortino() {
        RiskMetrics m = new RiskCalculator(RiskConventions.of(ReturnPeriod.DAILY))
                .metrics(series(Duration.ofDays(1), "100", "101", "102", "103"));
        assertThat(m.drawdown().maxDrawdown()).isZero();
        assertThat(m.calmar()).isNull();
        assertThat(m.sortino()).isNull();
    }

    @Test
    void historicalVarTakesTheKthSmallestReturnWithKEqualCeilNTimesTail() {
        // 40 returns: −8 %, −6 %, −4 %, then 37 × +1 %
        double[] r = new double[40];
        r[0] = -0.08;
        r[1] = -0.06;
        r[2] = -0.04;
        for (int i = 3; i < 40; i++) {
            r[i] = 0.01;
        }
        TailRisk t95 = TailQuantiles.at(r, 0.95); // k = ceil(40 · 0.05) = 2
        assertThat(t95.historicalVar()).isCloseTo(0.06, within(EXACT));
        assertThat(t95.historicalCvar()).isCloseTo(0.07, within(EXACT));
        TailRisk t99 = TailQuantiles.at(r, 0.99); // k = ceil(0.4) = 1
        assertThat(t99.historicalVar()).isCloseTo(0.08, within(EXACT));
        assertThat(t99.historicalCvar()).isCloseTo(0.08, within(EXACT));
    }

    @Test
    void parametricVarAndCvarUseTheNormalQuantilesFromTables() {
        double[] r = {0.01, 0.02, -0.01, 0.03};
        double mean = 0.0125;
        double sd = Math.sqrt(8.75e-4 / 3);
        // z(5 %) = −1.6448536269514722, φ(z) = 0.10313564037537128; z(1 %) = −2.3263478740408408, φ = 0.0266521422034
        TailRisk t95 = TailQuantiles.at(r, 0.95);
        assertThat(t95.parametricVar()).isCloseTo(-(mean - 1.6448536269514722 * sd), within(1e-12));
        assertThat(t95.parametricCvar()).isCloseTo(-(mean - sd * 0.10313564037537128 / 0.05), within(1e-10));
        TailRisk t99 = TailQuantiles.at(r, 0.99);
        assertThat(t99.parametricVar()).isCloseTo(-(mean - 2.3263478740408408 * sd), within(1e-12));
        assertThat(t99.parametricCvar()).isCloseTo(-(mean - sd * 0.02665214220345808 / 0.01), within(1e-10));
    }

    @Test
    void meanAndVolatilityAgreeWithCommonsMathOverManyHourlyReturns() {
        Random random = new Random(14);
        List<ValuePoint> s = new ArrayList<>();
        BigDecimal v = new BigDecimal("1000000");
        for (int i = 0; i < 5000; i++) {
            s.add(new ValuePoint(T0.plus(Duration.ofHours(i)), v));
            v = v.multiply(BigDecimal.valueOf(1 + random.nextGaussian() * 0.01)).setScale(18, java.math.RoundingMode.HALF_EVEN);
        }
        RiskMetrics m = new RiskCalculator(RiskConventions.of(ReturnPeriod.HOURLY)).metrics(s);

        DescriptiveStatistics reference = new DescriptiveStatistics(Returns.simple(s).values());
        assertThat(m.meanReturn()).isCloseTo(reference.getMean(), within(1e-15));
        assertThat(m.volatility()).isCloseTo(reference.getStandardDeviation() * Math.sqrt(8760), within(1e-12));
    }

    @Test
    void theSelectedTailGivesTheSameVarAsAFullSort() {
        Random random = new Random(3);
        List<ValuePoint> s = new ArrayList<>();
        BigDecimal v = new BigDecimal("1000");
        for (int i = 0; i < 10_001; i++) {
            s.add(new ValuePoint(T0.plus(Duration.ofHours(i)), v));
            v = v.multiply(BigDecimal.valueOf(1 + random.nextGaussian() * 0.02)).setScale(18,
                    java.math.RoundingMode.HALF_EVEN);
        }
        RiskMetrics m = new RiskCalculator(RiskConventions.of(ReturnPeriod.HOURLY)).metrics(s);
        double[] sorted = Returns.simple(s).values().clone();
        java.util.Arrays.sort(sorted);
        // k = ceil(10,000 · 0.05) = 500 and ceil(100) = 100
        assertThat(m.tails().get(0).historicalVar()).isEqualTo(-sorted[499]);
        assertThat(m.tails().get(1).historicalVar()).isEqualTo(-sorted[99]);
        double tail = 0;
        for (int i = 0; i < 100; i++) {
            tail += sorted[i];
        }
        assertThat(m.tails().get(1).historicalCvar()).isCloseTo(-tail / 100, within(1e-15));
    }

    @Test
    void correlationAgreesWithCommonsMathAndAlignsOnTime() {
        Random random = new Random(7);
        List<Instant> times = new ArrayList<>();
        double[] a = new double[500];
        double[] b = new double[500];
        for (int i = 0; i < 500; i++) {
            times.add(T0.plus(Duration.ofHours(i)));
            a[i] = random.nextGaussian();
            b[i] = 0.6 * a[i] + 0.8 * random.nextGaussian();
        }
        // c only has the second half of the periods: its correlation with a is over those 250
        double[] c = new double[250];
        System.arraycopy(b, 250, c, 0, 250);
        Map<String, Returns> series = new HashMap<>();
        series.put("a", new Returns(times, a));
        series.put("b", new Returns(times, b));
        series.put("c", new Returns(times.subList(250, 500), c));

        CorrelationMatrix m = CorrelationMatrix.of(series);
        PearsonsCorrelation reference = new PearsonsCorrelation();
        assertThat(m.names()).containsExactly("a", "b", "c");
        assertThat(m.values()[0][0]).isEqualTo(1.0);
        assertThat(m.values()[0][1]).isCloseTo(reference.correlation(a, b), within(1e-12));
        assertThat(m.values()[1][0]).isEqualTo(m.values()[0][1]);
        double[] aTail = new double[250];
        System.arraycopy(a, 250, aTail, 0, 250);
        assertThat(m.values()[0][2]).isCloseTo(reference.correlation(aTail, c), within(1e-12));
    }

    @Test
    void manySeriesAtOnceGiveEachSeriesOwnFigures() {
        RiskCalculator calculator = new RiskCalculator(RiskConventions.of(ReturnPeriod.DAILY));
        Map<String, List<ValuePoint>> all = Map.of("a", fourDays(),
                "b", series(Duration.ofHours(1), "100", "120", "90", "110", "121", "100"));
        Map<String, RiskMetrics> each = calculator.metricsOfAll(all);
        assertThat(each.get("a")).isEqualTo(calculator.metrics(all.get("a")));
        assertThat(each.get("b")).isEqualTo(calculator.metrics(all.get("b")));
    }

    @Test
    void aPeriodStartingAtZeroValueHasNoReturn() {
        Returns r = Returns.simple(series(Duration.ofHours(1), "0", "100", "110"));
        assertThat(r.size()).isEqualTo(1);
        assertThat(r.values()[0]).isCloseTo(0.1, within(EXACT));
        assertThat(r.at()).containsExactly(T0.plus(Duration.ofHours(2)));
    }

    static List<ValuePoint> series(Duration step, String... values) {
        List<ValuePoint> s = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            s.add(new ValuePoint(T0.plus(step.multipliedBy(i)), new BigDecimal(values[i])));
        }
        return s;
    }
}
