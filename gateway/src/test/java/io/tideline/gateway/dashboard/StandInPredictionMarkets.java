package io.tideline.gateway.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * pnl-ingest's leaderboard and per-trader P&amp;L in {@link DashboardStandIn}: four traders all time, three this week,
 * one today; alice's P&amp;L with venues, alerts and an open position; arbitrage alert arb-1 (two legs) and the
 * conversion of three alerts. {@code POST /stand-in/pm/realize} realizes another 100 for alice and {@code POST
 * /stand-in/pm/execute} converts the third alert; the test announces each on the stream.
 */
final class StandInPredictionMarkets {

    private boolean realized;
    private boolean executed;

    synchronized void realize() {
        realized = true;
    }

    synchronized void execute() {
        executed = true;
    }

    synchronized String arbitrageStats() {
        return executed
                ? """
                {"alerts":3,"open":1,"expired":1,"converted":3,"conversionRate":"1.0000","executionsMatched":6,
                "executionsUnmatched":2}"""
                : """
                {"alerts":3,"open":1,"expired":1,"converted":2,"conversionRate":"0.6667","executionsMatched":5,
                "executionsUnmatched":2}""";
    }

    /** arb-1: buy YES at 0.305 on one venue and NO at 0.655 on another, an edge of 0.04; others are not found. */
    synchronized String arbitrageAlert(String alertId) {
        if (!alertId.equals("arb-1")) {
            return null;
        }
        return """
                {"alertId":"arb-1","legs":[
                {"venue":"polymarket","market":"eth-5k-2026","outcome":"YES","side":"BUY","expectedPrice":"0.305","tokenId":null},
                {"venue":"kalshi","market":"ETH5K-26","outcome":"NO","side":"BUY","expectedPrice":"0.655","tokenId":null}],
                "expectedEdge":"0.040","createdAt":"2026-12-06T00:10:00Z","expiresAt":"2026-12-07T00:10:00Z",
                "status":"OPEN","executions":2}""";
    }

    synchronized String leaderboard(String window) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return switch (window == null ? "all" : window) {
            case "weekly" -> board("weekly", "\"" + today.minusDays(6) + "\"", today,
                    entry(1, "bob", "120.25", 3, 2, "0.5000"), entry(2, "alice", "80", 2, 1, "1.0000"),
                    entry(3, "carol", "-5.5", 1, 1, "0.0000"));
            case "daily" -> board("daily", "\"" + today + "\"", today, entry(1, "carol", "15.0005", 1, 1, "1.0000"));
            default -> board("all", "null", today,
                    entry(1, "alice", realized ? "1620.375" : "1520.375", 12, 8, "0.7500"),
                    entry(2, "bob", "310.5", 6, 3, "0.6667"), entry(3, "dave", "12.005", 2, 1, "1.0000"),
                    entry(4, "carol", "-45.125", 4, 2, "0.5000"));
        };
    }

    synchronized String pnl(String user) {
        if (!user.equals("alice")) {
            return """
                    {"user":"%s","method":"FIFO","realized":"0","fees":"0","closes":0,"wins":0,"unrealized":"0",
                    "byVenue":[],"byAlert":[],"positions":[]}""".formatted(user);
        }
        return """
                {"user":"alice","method":"FIFO","realized":"%s","fees":"3.25","closes":8,"wins":6,"unrealized":"-12.5",
                "byVenue":[{"key":"polymarket","realized":"%s","unrealized":"-12.5"},{"key":"kalshi","realized":"20","unrealized":"0"}],
                "byAlert":[{"key":"arb-1","realized":"100","unrealized":"0"},{"key":null,"realized":"%s","unrealized":"-12.5"}],
                "positions":[{"venue":"polymarket","market":"eth-5k-2026","outcome":"YES","alertId":null,"shares":"100",
                "costBasis":"42.5","openFees":"0.5","lastPrice":"0.305","unrealizedPnl":"-12.5"}]}"""
                .formatted(realized ? "1620.375" : "1520.375", realized ? "1600.375" : "1500.375",
                        realized ? "1520.375" : "1420.375");
    }

    private static String board(String window, String from, LocalDate to, String... entries) {
        return """
                {"window":"%s","from":%s,"to":"%s","entries":[%s]}""".formatted(window, from, to,
                String.join(",", entries));
    }

    private static String entry(int rank, String user, String pnl, long trades, long closes, String winRate) {
        return """
                {"rank":%d,"user":"%s","pnl":"%s","trades":%d,"closes":%d,"winRate":"%s"}"""
                .formatted(rank, user, pnl, trades, closes, winRate);
    }
}
