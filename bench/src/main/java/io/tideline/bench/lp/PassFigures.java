package io.tideline.bench.lp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One follower pass as {@code GET /api/v1/lp/sync} reports it ({@code lastPass}), and table rows of many. */
record PassFigures(long block, long fromBlock, long toBlock, double millis, double chainMillis, double rpcMillis,
                   double writeMillis,
                   long roundTrips, long stateReads, int valuations) {

    static PassFigures of(JsonNode pass, long block) {
        return new PassFigures(block, pass.path("fromBlock").asLong(), pass.path("toBlock").asLong(),
                pass.path("millis").asDouble(), pass.path("chainMillis").asDouble(),
                pass.path("rpcMillis").asDouble(), pass.path("writeMillis").asDouble(), pass.path("rpcRoundTrips").asLong(),
                pass.path("stateReadRoundTrips").asLong(), pass.path("valuations").asInt());
    }

    long blocks() {
        return toBlock - fromBlock + 1;
    }

    static String row(String kind, List<PassFigures> figures) {
        double[] millis = figures.stream().mapToDouble(PassFigures::millis).toArray();
        double[] node = figures.stream().mapToDouble(PassFigures::rpcMillis).toArray();
        double[] ours = figures.stream().mapToDouble(f -> f.millis - f.rpcMillis).toArray();
        double[] write = figures.stream().mapToDouble(PassFigures::writeMillis).toArray();
        return String.format(Locale.ROOT, "%-17s %6d %9.0f %9.2f %8.2f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f", kind,
                figures.size(), figures.stream().mapToInt(PassFigures::valuations).average().orElse(0),
                figures.stream().mapToLong(PassFigures::roundTrips).average().orElse(0),
                figures.stream().mapToLong(PassFigures::stateReads).average().orElse(0),
                percentile(millis, 0.5), percentile(millis, 0.9), percentile(millis, 0.99),
                percentile(millis, 1.0), percentile(node, 0.5), percentile(ours, 0.5), percentile(ours, 0.99),
                percentile(write, 0.5));
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
