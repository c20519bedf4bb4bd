package io.tideline.gateway.dashboard;

/**
 * analytics' backtest, range-suggestion and allocation routes in {@link DashboardStandIn}: two finished backtests and a
 * running one (250 of 720 steps), two kept suggestions, and an allocation that splits 100,000 in two (the pools' names
 * and the method are the ones posted).
 */
final class StandInResearch {

    static final String A = "0d1e5c2a-0000-4000-8000-00000000000a";
    static final String B = "0d1e5c2a-0000-4000-8000-00000000000b";
    static final String C = "0d1e5c2a-0000-4000-8000-00000000000c";

    record Answer(int status, String json) {
    }

    Answer answer(String method, String path, String query, String body) {
        if (method.equals("POST") && path.equals("/api/v1/analytics/allocations")) {
            return new Answer(200, allocation(body));
        }
        if (!method.equals("GET")) {
            return new Answer(405, "{\"status\":405}");
        }
        return switch (path) {
            case "/api/v1/analytics/backtests" -> new Answer(200, "[" + job(C) + "," + job(B) + "," + job(A) + "]");
            case "/api/v1/analytics/backtests/" + A -> new Answer(200, view(A));
            case "/api/v1/analytics/backtests/" + B -> new Answer(200, view(B));
            case "/api/v1/analytics/backtests/" + C -> new Answer(200, view(C));
            case "/api/v1/analytics/backtests/compare" -> new Answer(200, "{\"backtests\":["
                    + String.join(",", java.util.Arrays.stream(query.replaceAll(".*ids=([^&]*).*", "$1").split(","))
                            .map(StandInResearch::view).toList()) + "]}");
            case "/api/v1/analytics/suggestions/ranges" -> new Answer(200, SUGGESTIONS);
            default -> new Answer(404, "{\"status\":404,\"title\":\"Not Found\"}");
        };
    }

    private static String job(String id) {
        return switch (id) {
            case A -> job(A, "ETH-USDC 0.3 % ±600", "DONE", 720, "\"2026-12-05T10:02:00Z\"");
            case B -> job(B, "ETH-USDC 0.05 % ±120", "DONE", 720, "\"2026-12-05T11:03:00Z\"");
            default -> job(C, "WBTC-ETH 0.3 % vol-scaled", "RUNNING", 250, null);
        };
    }

    private static String job(String id, String name, String status, int done, String finished) {
        return """
                {"id":"%s","name":"%s","status":"%s","steps":720,"done":%d,"error":null,
                "createdAt":"2026-12-05T10:00:00Z","finishedAt":%s}""".formatted(id, name, status, done, finished);
    }

    private static String view(String id) {
        String result = switch (id) {
            case A -> result("10000", "10412.345678", "612.5", "-150.125", "-40.0", "6.03", "4.001", 3, "1.234",
                    "0.0456");
            case B -> result("10000", "9876.5", "801.25", "-890.75", "0", "20.1", "14.1", 9, "-0.52", "0.0712");
            default -> "null";
        };
        return "{\"job\":" + job(id) + ",\"result\":" + result + "}";
    }

    private static String result(String start, String end, String fees, String il, String hedge, String gas,
            String slippage, int rebalances, String sharpe, String drawdown) {
        return """
                {"steps":720,"rebalances":%d,"fees0":"1000000000000000","fees1":"2000000","feesValue":"%s",
                "impermanentLoss":"%s","hedgePnl":"%s","hedgePricePnl":"%s","funding":"0","perpFees":"0","gas":"%s",
                "slippage":"%s","startEquity":"%s","endEquity":"%s","metrics":{"period":"HOURLY","observations":720,
                "meanReturn":0.0001,"volatility":0.01,"annualisedReturn":0.2,"sharpe":%s,"sortino":1.0,"calmar":1.0,
                "drawdown":{"maxDrawdown":%s,"peakAt":null,"troughAt":null,"recoveredAt":null},"tails":[]}}"""
                .formatted(rebalances, fees, il, hedge, hedge, gas, slippage, start, end, sharpe, drawdown);
    }

    private static final String SUGGESTIONS = """
            [{"id":"7a7a0000-0000-4000-8000-000000000001","pair":"ETH-USDC","createdAt":"2026-12-06T01:00:00Z",
            "suggestion":{"pool":"eth-usdc-500","feePips":500,"halfWidth":120,"trainReturn":"0.01234567",
            "folds":[%s,%s,%s],"meanTestReturn":"0.00845000","regime":{"bar":719,"regime":"RANGING","volatility":0.004,
            "volatilityPercentile":0.4,"volatilityRatio":0.9,"trendStrength":0.1}}},
            {"id":"7a7a0000-0000-4000-8000-000000000002","pair":"WBTC-ETH","createdAt":"2026-12-05T01:00:00Z",
            "suggestion":{"pool":"wbtc-eth-3000","feePips":3000,"halfWidth":600,"trainReturn":"-0.00500000",
            "folds":[],"meanTestReturn":null,"regime":null}}]"""
            .formatted(fold("0.011"), fold("0.006"), fold("0.00835"));

    private static String fold(String test) {
        return """
                {"trainFrom":"2026-11-01T00:00:00Z","testFrom":"2026-11-08T00:00:00Z","testTo":"2026-11-10T00:00:00Z",
                "pool":"eth-usdc-500","feePips":500,"halfWidth":120,"trainReturn":"0.012","testReturn":"%s"}"""
                .formatted(test);
    }

    /** 100,000 split one third / two thirds between the first two pools posted, by the method posted. */
    private static String allocation(String body) {
        String method = body.replaceAll("(?s).*\"method\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
        java.util.regex.Matcher pools = java.util.regex.Pattern.compile("\"pool\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        String first = pools.find() ? pools.group(1) : "?";
        String second = pools.find() ? pools.group(1) : "?";
        return """
                {"method":"%s","capital":"100000","pools":[
                {"pool":"%s","weight":"0.333333","amount":"33333.33","riskContribution":"0.500000"},
                {"pool":"%s","weight":"0.666667","amount":"66666.67","riskContribution":"0.500000"}],
                "expectedReturn":"0.00433333","volatility":"0.00612345"}""".formatted(method, first, second);
    }
}
