package io.tideline.gateway.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Position #1's history in {@link DashboardStandIn}: lp-tracker's facts about it (a mint, a range exit a reorg
 * retracted, a fee collection) and analytics' value snapshots of its strategy (three). {@code POST
 * /stand-in/lp/collect} adds a second fee collection and a fourth snapshot, which the test announces on the stream.
 */
final class StandInLpHistory {

    private static final String KEY = "31337:0x5fbdb2315678afecb367f032d93f642f64180aa3:1";
    private static final String REF = """
            {"chainId":31337,"positionManager":"0x5fbdb2315678afecb367f032d93f642f64180aa3","tokenId":"1"}""";

    private final List<String> facts = new ArrayList<>(List.of(
            fact(1, "LpMinted", 12, "2026-12-05T10:00:00Z", """
                    {"position":%s,"owner":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
                    "pool":"0xe7f1725e7734ce288f8367e1bb143e90bb3f0512","fee":3000,"tickLower":60,"tickUpper":180,
                    "liquidity":"1000000000000000000","amount0":"5000000000000000000","amount1":"10000000000",
                    "sqrtPriceX96":"79228162514264337593543950336","price":"2000"}""".formatted(REF),
                    "null"),
            fact(2, "LpRangeExited", 25, "2026-12-05T12:00:00Z", """
                    {"position":%s,"tick":190,"tickLower":60,"tickUpper":180,"side":"ABOVE"}""".formatted(REF),
                    "\"2026-12-05T12:00:10Z\""),
            fact(3, "LpFeesCollected", 30, "2026-12-05T14:00:00Z", """
                    {"position":%s,"recipient":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
                    "amount0":"1000000000000000","amount1":"2000000"}""".formatted(REF), "null")));
    private final List<String> points = new ArrayList<>(List.of(
            point(1, "2026-12-06T00:00:00Z", "20000.10"),
            point(2, "2026-12-06T01:00:00Z", "20100.255"),
            point(3, "2026-12-06T02:00:00Z", "20150.12")));

    synchronized void collect() {
        facts.add(fact(4, "LpFeesCollected", 41, "2026-12-06T03:00:00Z", """
                {"position":%s,"recipient":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
                "amount0":"3000000000000000","amount1":"4500000"}""".formatted(REF), "null"));
        points.add(point(4, "2026-12-06T03:00:00Z", "20190.5"));
    }

    synchronized String history() {
        return "[" + String.join(",", facts) + "]";
    }

    /** The series of position #1's strategy; any other scope has none. */
    synchronized String series(String query) {
        String q = java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
        boolean mine = q.contains("level=STRATEGY") && q.contains("scope=" + KEY);
        return """
                {"level":"STRATEGY","scope":"%s","points":[%s],"next":null}"""
                .formatted(KEY, mine ? String.join(",", points) : "");
    }

    private static String fact(int n, String type, long block, String at, String payload, String retractedAt) {
        return """
                {"eventId":"0190d5b8-0000-7000-8000-1000000000%02d","type":"%s","blockNumber":%d,
                "blockHash":"0x%064d","txHash":"0x%064d","logIndex":0,"blockTime":"%s","payload":%s,"retractedAt":%s}"""
                .formatted(n, type, block, block, n, at, payload, retractedAt);
    }

    private static String point(long id, String at, String value) {
        return """
                {"snapshotId":%d,"takenAt":"%s","value":"%s","totalPnl":"0","figures":null}""".formatted(id, at, value);
    }
}
