package io.tideline.gateway.dashboard;

/**
 * perp-hedger's hedge routes in {@link DashboardStandIn}: hedge 1 (position #1) open from two sell fills, hedge 2
 * (position #3) failed with a rejected order. A retry of hedge 2 sends its order again (generation 1, OPENING);
 * {@code POST /stand-in/hedges/fill} then fills it (1.2 at 2013.125), which the test announces on the stream.
 */
final class StandInHedges {

    static final String OPEN_HEDGE = "6f1c2a7e-0000-4000-8000-000000000001";
    static final String FAILED_HEDGE = "6f1c2a7e-0000-4000-8000-000000000002";

    /** Position #1's key (the query string is decoded before it is compared). */
    private static final String OPEN_KEY = "31337:0x5fbdb2315678afecb367f032d93f642f64180aa3:1";

    record Answer(int status, String json) {
    }

    private boolean retried;
    private boolean filled;

    synchronized Answer answer(String method, String path, String query) {
        if (method.equals("POST") && path.equals("/stand-in/hedges/fill")) {
            filled = true;
            return new Answer(201, "{}");
        }
        if (method.equals("POST") && path.equals("/api/v1/hedges/" + FAILED_HEDGE + "/retry")) {
            if (retried) {
                return new Answer(409, "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"an order is outstanding\"}");
            }
            retried = true;
            return new Answer(200, retryOrder());
        }
        if (!method.equals("GET")) {
            return new Answer(405, "{\"status\":405}");
        }
        String q = java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
        return switch (path) {
            case "/api/v1/hedges" -> new Answer(200, !q.contains("positionKey=") ? "[" + failedHedge() + "," + openHedge() + "]"
                    : q.contains("positionKey=" + OPEN_KEY) ? "[" + openHedge() + "]" : "[" + failedHedge() + "]");
            // one page in position-key order (token 1, then 3): shorter than the limit, so the last
            case "/api/v1/hedges/current" -> new Answer(200, q.contains("after=") ? "[]"
                    : "[" + openHedge() + "," + failedHedge() + "]");
            case "/api/v1/hedges/failed" -> new Answer(200, retried ? "[]"
                    : "[{\"order\":" + rejectedOrder() + ",\"hedgeStatus\":\"FAILED\",\"hedgeDetail\":\"rejected\"}]");
            case "/api/v1/hedges/" + OPEN_HEDGE -> new Answer(200, """
                    {"hedge":%s,"orders":[%s],"fills":[%s,%s]}""".formatted(openHedge(),
                    order(OPEN_HEDGE, "1", 1, 0, "OPEN", "2.40617283945", "FILLED", "2.4", "2012.15625", "1.2", 1, null),
                    fill("t-1", "1.5", "2011.5", "0.75"), fill("t-2", "0.9", "2013.25", "0.45")));
            case "/api/v1/hedges/" + FAILED_HEDGE -> new Answer(200, """
                    {"hedge":%s,"orders":[%s%s],"fills":[]}""".formatted(failedHedge(), rejectedOrder(),
                    retried ? "," + retryOrder() : ""));
            default -> new Answer(404, "{\"status\":404,\"title\":\"Not Found\"}");
        };
    }

    private static String openHedge() {
        return hedge(OPEN_HEDGE, "1", "OPEN", "2.40617283945", "2.4", "4829.175", "1.2", null);
    }

    private String failedHedge() {
        if (filled) {
            return hedge(FAILED_HEDGE, "3", "OPEN", "2.5", "1.2", "2415.75", "0.6", null);
        }
        return retried ? hedge(FAILED_HEDGE, "3", "OPENING", "2.5", "0", "0", "0", null)
                : hedge(FAILED_HEDGE, "3", "FAILED", "2.5", "0", "0", "0", "\"the venue rejected the order\"");
    }

    private static String rejectedOrder() {
        return order(FAILED_HEDGE, "3", 1, 0, "OPEN", "2.5", "FAILED", "0", null, "0", 3,
                "\"insufficient margin\"");
    }

    private static String retryOrder() {
        return order(FAILED_HEDGE, "3", 1, 1, "OPEN", "2.5", "REQUESTED", "0", null, "0", 0, null);
    }

    private static String hedge(String id, String token, String status, String target, String open, String sold,
            String fees, String detail) {
        return """
                {"hedgeId":"%s","positionKey":"31337:0x5fbdb2315678afecb367f032d93f642f64180aa3:%s",
                "owner":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8","pool":"0xe7f1725e7734ce288f8367e1bb143e90bb3f0512",
                "market":"ETH-PERP","volatileToken":"0xweth","volatileDecimals":18,"status":"%s","lpState":"IN_RANGE",
                "targetQty":"%s","openQty":"%s","soldValue":"%s","boughtValue":"0","fees":"%s","nextStep":2,
                "detail":%s,"correlationId":"c-%s","createdAt":"2026-12-06T01:00:00Z","updatedAt":"2026-12-06T02:00:00Z"}"""
                .formatted(id, token, status, target, open, sold, fees, detail == null ? "null" : detail, token);
    }

    private static String order(String hedgeId, String token, int step, int generation, String purpose, String qty,
            String state, String filled, String average, String fee, int attempts, String error) {
        return """
                {"orderKey":"00000000-0000-4000-8000-00000000%02d%02d","hedgeId":"%s",
                "positionKey":"31337:0x5fbdb2315678afecb367f032d93f642f64180aa3:%s","step":%d,"generation":%d,
                "purpose":"%s","externalId":"h-%s-%d-%d","venue":"paper","market":"ETH-PERP","side":"SELL",
                "quantity":"%s","reduceOnly":false,"referencePrice":"2012","state":"%s","venueOrderId":null,
                "venueStatus":null,"statusReason":null,"filledQty":"%s","averagePrice":%s,"fee":"%s","attempts":%d,
                "nextAttemptAt":null,"lastError":%s,"retryable":false,"correlationId":"c-%s",
                "createdAt":"2026-12-06T01:00:00Z","updatedAt":"2026-12-06T02:00:00Z"}"""
                .formatted(Integer.parseInt(token), generation, hedgeId, token, step, generation, purpose, token, step,
                        generation, qty, state, filled, average == null ? "null" : "\"" + average + "\"", fee,
                        attempts, error == null ? "null" : error, token);
    }

    private static String fill(String trade, String qty, String price, String fee) {
        return """
                {"tradeId":"%s","orderId":"v-%s","externalId":"h-1-1-0","market":"ETH-PERP","side":"SELL",
                "quantity":"%s","price":"%s","fee":"%s","createdAt":"2026-12-06T01:30:00Z"}"""
                .formatted(trade, trade, qty, price, fee);
    }
}
