package io.tideline.gateway.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * settlement's routes in {@link DashboardStandIn}, in its records' shapes: sessions s-eth (OK) and s-sol (stop-loss
 * TRIPPED at a loss of 1250.5), three uncovered positions, four live take-profits over tiers 0, 1 and 3, two runs.
 * A run asked for is recorded (trigger api, dry or not); acknowledging s-sol's stop-loss sets it OK with the loss as
 * its base; {@code POST /stand-in/settlement/fill} fills take-profit tp-2 (the test then announces the fill).
 */
final class StandInSettlement {

    record Answer(int status, String json) {
    }

    private final List<String> runs = new ArrayList<>(List.of(
            run("5b0c7d1e-0000-4000-8000-000000000002", "api", false, "2026-12-06T02:00:00Z", 2, 3, 3, 2, 2, 1, 0, 1,
                    1, 1, 1840, "[]"),
            run("5b0c7d1e-0000-4000-8000-000000000001", "schedule", false, "2026-12-06T01:00:00Z", 2, 3, 2, 1, 1, 0,
                    1, 0, 0, 0, 2210,
                    "[{\"sessionId\":\"s-sol\",\"pair\":\"SOL-USDC\",\"error\":\"venue unavailable\"}]")));
    private boolean acknowledged;
    private boolean tp2Filled;

    synchronized Answer answer(String method, String path, String query, String body, String subject) {
        if (method.equals("POST") && path.equals("/stand-in/settlement/fill")) {
            tp2Filled = true;
            return new Answer(201, "{}");
        }
        if (method.equals("POST") && path.equals("/api/v1/settlement/run")) {
            boolean dry = body.replace(" ", "").contains("\"dryRun\":true");
            String id = "5b0c7d1e-0000-4000-8000-00000000000" + (runs.size() + 1);
            String r = run(id, "api", dry, java.time.Instant.now().toString(), 2, 3, 3, 3, dry ? 0 : 3, 0, 0, 0, 0,
                    acknowledged ? 0 : 1, 950, "[]");
            runs.add(0, r);
            return new Answer(200, r);
        }
        if (method.equals("POST") && path.equals("/api/v1/sessions/s-sol/stop-loss/acknowledge")) {
            if (acknowledged) {
                return new Answer(409, "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"not tripped\"}");
            }
            acknowledged = true;
            return new Answer(200, sol(body.contains("\"acknowledgedBy\"") ? subject : "api"));
        }
        if (!method.equals("GET")) {
            return new Answer(405, "{\"status\":405}");
        }
        return switch (path) {
            case "/api/v1/stats" -> new Answer(200, stats());
            case "/api/v1/sessions" -> new Answer(200, "[" + ETH + "," + sol(subject) + "]");
            case "/api/v1/positions/uncovered" -> new Answer(200, UNCOVERED);
            case "/api/v1/settlement/runs" -> new Answer(200, "[" + String.join(",", runs) + "]");
            case "/api/v1/take-profits" -> new Answer(200, takeProfits(query));
            default -> new Answer(404, "{\"status\":404,\"title\":\"Not Found\"}");
        };
    }

    private String stats() {
        return """
                {"sessions":2,"activeSessions":2,"stoppedSessions":%d,"fills":20,"buyFills":12,
                "takeProfitsByState":{"FILLED":%d,"LIVE":%d,"PLACING":1,"REPLACED":3,"REPLACING":1},
                "takeProfitFills":%d,"runs":%d,"duplicatesPrevented":1,"lastRunAt":"2026-12-06T02:00:00Z",
                "lastRunMillis":1840}""".formatted(acknowledged ? 0 : 1, tp2Filled ? 6 : 5, tp2Filled ? 1 : 2,
                tp2Filled ? 6 : 5, runs.size());
    }

    private static final String ETH = session("s-eth", "[\"BTC-USDC\",\"ETH-USDC\"]", 2, 14, "OK", null, null, 0,
            "0", null, null);

    private String sol(String by) {
        return acknowledged
                ? session("s-sol", "[\"SOL-USDC\"]", 1, 6, "OK", null, "1250.50000000", 1, "1250.50000000",
                        "\"2026-12-06T03:00:00Z\"", "\"" + by + "\"")
                : session("s-sol", "[\"SOL-USDC\"]", 1, 6, "TRIPPED", "\"2026-12-06T02:00:01Z\"", "1250.50000000", 1,
                        "0", null, null);
    }

    private static String session(String id, String pairs, int pairCount, int fills, String state, String trippedAt,
            String loss, int trips, String acknowledgedLoss, String acknowledgedAt, String acknowledgedBy) {
        return """
                {"sessionId":"%s","venue":"paper","pairs":%s,"pairCount":%d,"startedAt":"2026-12-05T00:00:00Z",
                "endedAt":null,"lastActivityAt":"2026-12-06T02:30:00Z","source":"mm","fills":%d,"stopLossState":"%s",
                "stopLossTrippedAt":%s,"stopLossLoss":%s,"stopLossTrips":%d,"acknowledgedLoss":"%s",
                "acknowledgedAt":%s,"acknowledgedBy":%s}""".formatted(id, pairs, pairCount, fills, state, trippedAt,
                loss == null ? "null" : "\"" + loss + "\"", trips, acknowledgedLoss, acknowledgedAt, acknowledgedBy);
    }

    private static final String UNCOVERED = "[" + String.join(",",
            position("s-eth", "ETH-USDC", "t-11", "2012.5", "1.5", "1.5", "0.5", 0, "2016.525", "\"tp-1\""),
            position("s-eth", "ETH-USDC", "t-12", "2001.25", "1.25", "1.25", "1.25", 2, "2011.25625", null),
            position("s-sol", "SOL-USDC", "t-21", "142.125", "10", "7.5", "7.5", 3, "143.54625", null)) + "]";

    private static String position(String session, String pair, String trade, String entry, String qty, String open,
            String uncovered, int tier, String tpPrice, String live) {
        return """
                {"sessionId":"%s","pair":"%s","venue":"paper","orderId":"o-%s","tradeId":"%s","entryPrice":"%s",
                "quantity":"%s","filledAt":"2026-12-06T00:00:00Z","openQuantity":"%s","uncoveredQuantity":"%s",
                "ageTier":%d,"takeProfitPrice":"%s","liveTakeProfit":%s}""".formatted(session, pair, trade, trade, entry,
                qty, open, uncovered, tier, tpPrice, live);
    }

    private String takeProfits(String query) {
        String state = query.replaceAll(".*state=([A-Z]+).*", "$1");
        List<String> orders = new ArrayList<>();
        if (state.equals("LIVE")) {
            orders.add(takeProfit("tp-1", "s-eth", "ETH-USDC", 0, "2016.525", "1.0", "0", "LIVE"));
            if (!tp2Filled) {
                orders.add(takeProfit("tp-2", "s-eth", "ETH-USDC", 1, "2030.1", "2", "0.5", "LIVE"));
            }
        } else if (state.equals("PLACING")) {
            orders.add(takeProfit("tp-3", "s-eth", "BTC-USDC", 1, "64250.5", "0.05", "0", "PLACING"));
        } else if (state.equals("REPLACING")) {
            orders.add(takeProfit("tp-4", "s-sol", "SOL-USDC", 3, "143.54625", "2.5", "0", "REPLACING"));
        }
        return "[" + String.join(",", orders) + "]";
    }

    private static String takeProfit(String id, String session, String pair, int tier, String price, String qty,
            String filled, String state) {
        return """
                {"clientOrderId":"%s","fillKey":1,"fillVenue":"paper","fillOrderId":"o-1","fillId":"t-1",
                "sessionId":"%s","pair":"%s","venue":"paper","side":"SELL","tier":%d,"attempt":0,"price":"%s",
                "quantity":"%s","state":"%s","venueOrderId":"v-%s","filledQuantity":"%s","replacesClientOrderId":null,
                "replacementClientOrderId":null,"replacementPrice":null,"replacementTier":null,"replacementAttempt":null,
                "detail":null,"createdAt":"2026-12-06T00:10:00Z","updatedAt":"2026-12-06T00:10:00Z"}"""
                .formatted(id, session, pair, tier, price, qty, state, id, filled);
    }

    private static String run(String id, String trigger, boolean dry, String at, int sessions, int pairs,
            int uncovered, int covered, int placed, int replaced, int failed, int duplicates, int tpFilled, int stopped,
            long millis, String errors) {
        return """
                {"runId":"%s","trigger":"%s","dryRun":%s,"startedAt":"%s","finishedAt":"%s","sessions":%d,"pairs":%d,
                "positionsUncovered":%d,"positionsCovered":%d,"ordersPlaced":%d,"ordersReplaced":%d,"ordersFailed":%d,
                "duplicatesPrevented":%d,"takeProfitsFilled":%d,"pairsSkippedLocked":0,"sessionsStopped":%d,
                "durationMillis":%d,"venueMillis":%d,"errors":%s}""".formatted(id, trigger, dry, at, at, sessions, pairs,
                uncovered, covered, placed, replaced, failed, duplicates, tpFilled, stopped, millis, millis / 2, errors);
    }
}
