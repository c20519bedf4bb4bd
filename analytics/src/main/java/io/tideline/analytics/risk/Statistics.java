package io.tideline.analytics.risk;

/** The few sample statistics the metrics need, written out once so that their conventions are visible. */
final class Statistics {

    private Statistics() {
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? Double.NaN : sum / x.length;
    }

    /** Sample standard deviation, divisor n − 1 (two-pass, for accuracy); NaN below two values. */
    static double sampleStdDev(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double mean = mean(x);
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (x.length - 1));
    }
}
