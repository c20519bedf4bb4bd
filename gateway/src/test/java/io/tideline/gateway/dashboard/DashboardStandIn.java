package io.tideline.gateway.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server standing in for analytics, lp-tracker, perp-hedger, pnl-ingest, settlement and alerting behind
 * the gateway in the dashboard's browser test: it answers their routes with JSON in their records' shapes (amounts as
 * exact strings, some beyond what a double holds) and keeps alerts in memory so that acknowledge, snooze and resolve
 * change them. {@code POST /stand-in/alerts} raises a second alert (the test then announces it on the stream). Each
 * service is given its own base path ({@link #url(String)}), so that the gateway's health aggregate sees each one's
 * readiness and messaging state ({@link StandInHealth}).
 */
final class DashboardStandIn implements AutoCloseable {

    /** The desk value: 2^53 + 1 dollars and a half cent, which a double would show as ...992 and no half cent. */
    static final String DESK_VALUE = "9007199254740993.005";

    private static final Pattern ALERT_ACTION = Pattern.compile("^/api/v1/alerts/([^/]+)/(acknowledge|snooze|resolve)$");
    private static final Pattern SETTLEMENT = Pattern.compile(
            "^/api/v1/(stats|sessions|positions|settlement|take-profits)(/|$)");
    private static final Pattern SERVICE = Pattern.compile("^/svc/([a-z-]+)(?=/)");
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final List<StandInAlert> alerts = new ArrayList<>();
    private final StandInHedges hedges = new StandInHedges();
    private final StandInLpHistory lpHistory = new StandInLpHistory();
    private final StandInPredictionMarkets predictionMarkets = new StandInPredictionMarkets();
    private final StandInSettlement settlement = new StandInSettlement();
    private final StandInReports reports = new StandInReports();
    private final StandInResearch research = new StandInResearch();

    private DashboardStandIn(HttpServer server) {
        this.server = server;
        alerts.add(new StandInAlert("alr-1", "HIGH", "Position #1 left its range",
                "tick 210 is above the range 60..180", "OPEN", "lp-range-exit", "1:0xposition:1"));
    }

    static DashboardStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            DashboardStandIn standIn = new DashboardStandIn(server);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The base URL the gateway is given for one service: this server under {@code /svc/<name>}. */
    String url(String service) {
        return url() + "/svc/" + service;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        query = query == null ? "" : query;
        Matcher service = SERVICE.matcher(path);
        String serviceName = null;
        if (service.lookingAt()) {
            serviceName = service.group(1);
            path = path.substring(service.end());
        }
        if (serviceName != null && (path.equals("/q/health/ready") || path.equals("/api/v1/messaging"))) {
            StandInHealth.Answer answer = StandInHealth.answer(serviceName, path);
            send(exchange, answer.status(), answer.json());
            return;
        }
        if (method.equals("POST") && path.equals("/stand-in/alerts")) {
            synchronized (alerts) {
                alerts.add(0, new StandInAlert("alr-2", "CRITICAL", "Hedge for #2 failed",
                        "the venue rejected the order: insufficient margin", "OPEN", "hedge-failed", "1:0xposition:2"));
            }
            send(exchange, 201, "{}");
            return;
        }
        if (method.equals("POST") && path.equals("/stand-in/pm/realize")) {
            predictionMarkets.realize();
            send(exchange, 201, "{}");
            return;
        }
        if (method.equals("POST") && path.equals("/stand-in/pm/execute")) {
            predictionMarkets.execute();
            send(exchange, 201, "{}");
            return;
        }
        if (method.equals("GET") && path.startsWith("/api/v1/arbitrage-alerts/")) {
            String id = path.substring("/api/v1/arbitrage-alerts/".length());
            String json = id.equals("stats") ? predictionMarkets.arbitrageStats() : predictionMarkets.arbitrageAlert(id);
            send(exchange, json == null ? 404 : 200, json == null ? "{\"status\":404,\"title\":\"Not Found\"}" : json);
            return;
        }
        if (method.equals("GET") && path.startsWith("/api/v1/pnl/")) {
            send(exchange, 200, predictionMarkets.pnl(path.substring("/api/v1/pnl/".length())));
            return;
        }
        if (method.equals("POST") && path.equals("/stand-in/lp/collect")) {
            lpHistory.collect();
            send(exchange, 201, "{}");
            return;
        }
        if (path.startsWith("/api/v1/analytics/")) {
            StandInResearch.Answer answer = research.answer(method, path, query, body);
            send(exchange, answer.status(), answer.json());
            return;
        }
        if (path.startsWith("/api/v1/reports")) {
            StandInReports.File file = reports.answer(method, path, query);
            if (file.fileName() != null) {
                exchange.getResponseHeaders().add("Content-Disposition",
                        "attachment; filename=\"" + file.fileName() + "\"");
            }
            send(exchange, file.status(), file.contentType(), file.content());
            return;
        }
        if (path.startsWith("/stand-in/settlement/") || SETTLEMENT.matcher(path).lookingAt()) {
            StandInSettlement.Answer answer = settlement.answer(method, path, query, body, subject(exchange));
            send(exchange, answer.status(), answer.json());
            return;
        }
        if (path.startsWith("/stand-in/hedges/") || path.startsWith("/api/v1/hedges")) {
            StandInHedges.Answer answer = hedges.answer(method, path, query);
            send(exchange, answer.status(), answer.json());
            return;
        }
        Matcher action = ALERT_ACTION.matcher(path);
        if (method.equals("POST") && action.matches()) {
            send(exchange, 200, act(action.group(1), action.group(2), subject(exchange)));
            return;
        }
        if (!method.equals("GET")) {
            send(exchange, 405, "{\"status\":405}");
            return;
        }
        switch (path) {
            case "/api/v1/portfolio" -> send(exchange, 200, portfolio());
            case "/api/v1/attribution" -> send(exchange, 200, attribution(query));
            case "/api/v1/risk" -> send(exchange, 200, RISK);
            case "/api/v1/lp/positions" -> send(exchange, 200, POSITIONS);
            case "/api/v1/lp/positions/1" -> send(exchange, 200, POSITION_1);
            case "/api/v1/lp/positions/1/history" -> send(exchange, 200, lpHistory.history());
            case "/api/v1/leaderboard" -> send(exchange, 200, predictionMarkets.leaderboard(param(query, "window")));
            case "/api/v1/snapshots/series" -> send(exchange, 200, lpHistory.series(query));
            case "/api/v1/alerts" -> send(exchange, 200, alerts(query));
            default -> send(exchange, 404, "{\"status\":404,\"title\":\"Not Found\"}");
        }
    }

    private String act(String alertId, String action, String who) {
        synchronized (alerts) {
            StandInAlert alert = alerts.stream().filter(a -> a.id.equals(alertId)).findFirst().orElseThrow();
            switch (action) {
                case "acknowledge" -> {
                    alert.state = "ACKNOWLEDGED";
                    alert.acknowledgedBy = who;
                }
                case "resolve" -> alert.state = "RESOLVED";
                default -> alert.snoozedUntil = Instant.now().plus(Duration.ofHours(1)).toString();
            }
            return alert.json();
        }
    }

    /** The caller the gateway forwarded: the subject of the bearer token it passed on. */
    private static String subject(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "nobody";
        }
        String[] parts = authorization.substring(7).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Matcher m = SUBJECT.matcher(claims);
        return m.find() ? m.group(1) : "nobody";
    }

    private String alerts(String query) {
        String state = param(query, "state");
        String severity = param(query, "severity");
        synchronized (alerts) {
            return "[" + String.join(",", alerts.stream()
                    .filter(a -> state == null || a.state.equals(state))
                    .filter(a -> severity == null || a.severity.equals(severity))
                    .map(StandInAlert::json).toList()) + "]";
        }
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String portfolio() {
        String desk = figures(DESK_VALUE, "1234.50");
        return """
                {"at":"2026-12-06T03:00:00Z","desk":%s,"books":[
                {"book":"LP","strategies":2,"figures":%s},
                {"book":"MM","strategies":1,"figures":%s},
                {"book":"PM","strategies":0,"figures":%s}],"strategies":[]}"""
                .formatted(desk, figures("9007199254740000.005", "1000.25"), figures("993", "234.25"),
                        figures("0", "0"));
    }

    private static String figures(String value, String pnl) {
        return """
                {"value":"%s","cost":"0","feesEarned":"0","impermanentLoss":"0","hedgeRealized":"0",
                "hedgeUnrealized":"0","funding":"0","gas":"0","feesPaid":"0","takeProfit":"0","predictionMarket":"0",
                "totalPnl":"%s","parts":%s,"notes":[]}""".formatted(value, pnl, PARTS);
    }

    private static final String PARTS = """
            {"fees":"1500.125","impermanentLoss":"-750.0625","market":"320.5","hedge":"110.00","funding":"-4.25",
            "feesPaid":"-12.3125","takeProfit":"60.5","predictionMarket":"10.0000000000000000005"}""";

    /** All time 1234.50; since a week ago 310.125; since today's midnight -12.005 (rounds to -12.01). */
    private static String attribution(String query) {
        String from = param(query, "from");
        String total = "1234.50";
        if (from != null) {
            Instant start = Instant.parse(java.net.URLDecoder.decode(from, StandardCharsets.UTF_8));
            total = start.isAfter(Instant.now().minus(Duration.ofDays(2))) ? "-12.005" : "310.125";
        }
        return """
                {"from":"1970-01-01T00:00:00Z","to":"2026-12-06T03:00:00Z",
                "desk":{"scope":"desk","from":"1970-01-01T00:00:00Z","to":"2026-12-06T03:00:00Z","parts":%s,"total":"%s"},
                "books":[],"strategies":[]}""".formatted(PARTS, total);
    }

    private static final String RISK = """
            {"period":"HOURLY","observations":168,"meanReturn":0.0001,"volatility":0.21,"annualisedReturn":0.12,
            "sharpe":1.8734,"sortino":2.1,"calmar":3.2,
            "drawdown":{"maxDrawdown":0.0831,"peakAt":"2026-12-01T10:00:00Z","troughAt":"2026-12-02T04:00:00Z","recoveredAt":null},
            "tails":[{"confidence":0.95,"historicalVar":0.0213,"historicalCvar":0.03,"parametricVar":0.02,"parametricCvar":0.028},
            {"confidence":0.99,"historicalVar":0.04,"historicalCvar":0.05,"parametricVar":0.038,"parametricCvar":0.045}]}""";

    private static final String POSITION_1 = """
            {"tokenId":"1","chainId":31337,"positionManager":"0x5fbdb2315678afecb367f032d93f642f64180aa3",
            "key":"31337:0x5fbdb2315678afecb367f032d93f642f64180aa3:1","owner":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            "status":"ACTIVE","pool":"0xe7f1725e7734ce288f8367e1bb143e90bb3f0512","tickLower":60,"tickUpper":180,
            "liquidity":"1000000000000000000","deposited0":"5000000000000000000","deposited1":"10000000000",
            "costToken1":"20000","withdrawn0":"0","withdrawn1":"0","feesCollected0":"0","feesCollected1":"0","burned":false,
            "openedBlock":12,"closedBlock":null,"valuation":{"position":{"chainId":31337,
            "positionManager":"0x5fbdb2315678afecb367f032d93f642f64180aa3","tokenId":"1"},"blockNumber":40,
            "sqrtPriceX96":"79228162514264337593543950336","tick":120,"liquidity":"1000000000000000000",
            "amount0":"4812345678901234567890","amount1":"10250000000","uncollectedFees0":"1234567890123456789",
            "uncollectedFees1":"2500000","price":"2012.123456789012345678","valueToken1":"20150.123456789012345678",
            "impermanentLossToken1":"-12.34565","valuedAt":"2026-12-06T02:59:00Z"}}""";

    private static final String POSITION_2 = """
            {"tokenId":"2","chainId":31337,"positionManager":"0x5fbdb2315678afecb367f032d93f642f64180aa3",
            "key":"31337:0x5fbdb2315678afecb367f032d93f642f64180aa3:2","owner":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            "status":"INACTIVE","pool":"0xe7f1725e7734ce288f8367e1bb143e90bb3f0512","tickLower":-600,"tickUpper":-60,
            "liquidity":"500","deposited0":"1","deposited1":"1","costToken1":"1","withdrawn0":"0","withdrawn1":"0",
            "feesCollected0":"0","feesCollected1":"0","burned":false,"openedBlock":20,"closedBlock":null,
            "valuation":{"position":{"chainId":31337,"positionManager":"0x5fbdb2315678afecb367f032d93f642f64180aa3",
            "tokenId":"2"},"blockNumber":40,"sqrtPriceX96":"79228162514264337593543950336","tick":120,"liquidity":"500",
            "amount0":"0","amount1":"7000","uncollectedFees0":"0","uncollectedFees1":"0","price":"2012.123456789012345678",
            "valueToken1":"0.000000000000007","impermanentLossToken1":"0","valuedAt":"2026-12-06T02:59:00Z"}}""";

    private static final String POSITIONS = "[" + POSITION_1 + "," + POSITION_2 + "]";


    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] out) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One alert in alerting's Alert shape. */
    private static final class StandInAlert {
        final String id;
        final String severity;
        final String title;
        final String detail;
        final String rule;
        final String subject;
        final Instant raisedAt = Instant.now();
        String state;
        String acknowledgedBy;
        String snoozedUntil;

        StandInAlert(String id, String severity, String title, String detail, String state, String rule,
                String subject) {
            this.id = id;
            this.severity = severity;
            this.title = title;
            this.detail = detail;
            this.state = state;
            this.rule = rule;
            this.subject = subject;
        }

        String json() {
            return """
                    {"alertId":"%s","ruleId":"%s","ruleName":"%s","kind":"LP_RANGE_EXIT","subjectKey":"%s","state":"%s",
                    "severity":"%s","title":"%s","detail":"%s","occurrences":1,"raisedAt":"%s","lastSeenAt":"%s",
                    "sourceEventId":null,"escalationLevel":0,"nextEscalationAt":null,"snoozedUntil":%s,
                    "acknowledgedBy":%s,"acknowledgedAt":null,"acknowledgeNote":null,"resolvedAt":null,
                    "resolvedBy":null,"resolution":null,"correlationId":"c-%s"}"""
                    .formatted(id, rule, rule, subject, state, severity, title, detail, raisedAt, raisedAt,
                            snoozedUntil == null ? "null" : "\"" + snoozedUntil + "\"",
                            acknowledgedBy == null ? "null" : "\"" + acknowledgedBy + "\"", id);
        }
    }
}
