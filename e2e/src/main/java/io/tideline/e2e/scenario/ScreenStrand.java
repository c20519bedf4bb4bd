package io.tideline.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.e2e.scenario.Gateway.Role;
import io.tideline.testing.alchemy.AlchemyPayloads;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The desk's screen shows what the platform holds: the dashboard in headless Chromium ({@link Screen}), signed in
 * through the dev login as a trader, view by view against the same figures read from the API and formatted here on
 * their own ({@link Dollars}) — the portfolio, this run's LP position with its page and its hedge,
 * the leaderboard in each window, the arbitrage alert, the settlement session, each service's health on the admin
 * page — then an alert raised while the inbox
 * is open appears there without a reload and the trader acknowledges it on the screen. Every view is checked with
 * axe-core and photographed into {@code screenshots}.
 */
public final class ScreenStrand {

    private final Desk desk;
    private final Steps steps;
    private final Path dashboardDir;
    private final Path screenshots;
    private final LpStrand lp;
    private final PredictionMarketStrand pm;
    private final SettlementStrand settlement;
    private Screen screen;

    public ScreenStrand(Desk desk, Steps steps, Path dashboardDir, Path screenshots, LpStrand lp,
            PredictionMarketStrand pm, SettlementStrand settlement) {
        this.desk = desk;
        this.steps = steps;
        this.dashboardDir = dashboardDir;
        this.screenshots = screenshots;
        this.lp = lp;
        this.pm = pm;
        this.settlement = settlement;
    }

    public void run() {
        try {
            steps.step("dashboard: a trader signs in (dev login, Chromium)", this::signIn);
            steps.step("dashboard: portfolio value and all-time P&L = API", this::portfolio);
            steps.step("dashboard: the LP position, its page and its hedge = API", this::position);
            steps.step("dashboard: the leaderboard in every window = API", this::leaderboard);
            steps.step("dashboard: the arbitrage alert and the settlement session = API", this::arbitrageAndSettlement);
            steps.step("dashboard: every service's health (admin) = API", this::health);
            steps.step("dashboard: an alert appears live and is acknowledged on the screen", this::liveAlert);
            steps.step("dashboard: axe-core finds nothing on any view, no console error", this::accessible);
        } finally {
            if (screen != null) {
                screen.close();
            }
        }
    }

    private String signIn() {
        screen = Screen.open(dashboardDir, desk.gateway().base(), screenshots);
        String who = screen.ask("signIn", Map.of("role", "trader")).path("who").asText();
        Mismatch.check("dev-trader (trader)", who, "the signed-in caller");
        return who + "; screenshots in " + screenshots;
    }

    private String portfolio() {
        // Figures move while the platform works (a valuation, a price): read the API before and after the screen and
        // compare when they agree.
        for (int attempt = 1; ; attempt++) {
            String[] before = portfolioFromApi();
            JsonNode shown = screen.ask("portfolio", Map.of());
            String[] after = portfolioFromApi();
            if (!List.of(before).equals(List.of(after)) && attempt < 3) {
                continue;
            }
            Mismatch.check(after[0], shown.path("deskValue").asText(), "desk value on the screen");
            Mismatch.check(after[1], shown.path("pnlAll").asText(), "all-time P&L on the screen");
            return "desk " + after[0] + ", all-time " + after[1];
        }
    }

    private String[] portfolioFromApi() {
        JsonNode portfolio = desk.gateway().get(Role.VIEWER, "/api/v1/portfolio");
        JsonNode attribution = desk.gateway().get(Role.VIEWER, "/api/v1/attribution");
        return new String[] {Dollars.amount(portfolio.path("desk").path("value").asText()),
                Dollars.pnl(attribution.path("desk").path("total").asText())};
    }

    private String position() {
        Mismatch.require(lp.tokenId() != null && lp.hedgeId() != null, "the LP strand did not get as far as a hedge");
        JsonNode position = desk.gateway().get(Role.VIEWER, "/api/v1/lp/positions/" + lp.tokenId());
        JsonNode hedge = desk.gateway().get(Role.VIEWER, "/api/v1/hedges/" + lp.hedgeId());
        JsonNode hedgeView = hedge.has("hedge") ? hedge.path("hedge") : hedge;
        List<String> facts = new ArrayList<>();
        for (JsonNode fact : desk.gateway().get(Role.VIEWER, "/api/v1/lp/positions/" + lp.tokenId() + "/history")) {
            facts.add(fact.path("type").asText());
        }
        int fills = hedge.path("fills").size();

        JsonNode row = screen.ask("lp", Map.of("tokenId", lp.tokenId()));
        Mismatch.check(position.path("status").asText(), row.path("state").asText(), "the position's state badge");
        Mismatch.require(row.path("hedge").asText().startsWith(hedgeView.path("status").asText()),
                "the position's hedge cell: expected " + hedgeView.path("status").asText() + " …, was "
                        + row.path("hedge").asText());
        List<String> shownFacts = new ArrayList<>();
        row.path("facts").forEach(f -> shownFacts.add(f.asText()));
        Mismatch.check(sorted(facts), sorted(shownFacts), "the facts on the position's page");
        Mismatch.check(fills, row.path("hedgeFills").asInt(), "the hedge's fills on the position's page");

        JsonNode shown = screen.ask("hedge", Map.of("hedgeId", lp.hedgeId()));
        Mismatch.check(hedgeView.path("status").asText(), shown.path("status").asText(), "the hedge's status");
        String soldBought = Dollars.grouped(hedgeView.path("soldValue").asText(), 2) + " / "
                + Dollars.grouped(hedgeView.path("boughtValue").asText(), 2);
        Mismatch.check(soldBought, shown.path("soldBought").asText(), "the hedge's sold / bought");
        Mismatch.check(fills, shown.path("fills").asInt(), "the hedge's fills in the hedges view");
        return "#" + lp.tokenId() + " " + row.path("state").asText() + ", " + shownFacts.size() + " facts; hedge "
                + shown.path("status").asText() + ", sold / bought " + soldBought + ", " + fills + " fills";
    }

    private String leaderboard() {
        String trader = pm.wallet();
        JsonNode shown = screen.ask("leaderboard", Map.of("trader", trader)).path("windows");
        StringBuilder read = new StringBuilder();
        for (String window : List.of("all", "weekly", "daily")) {
            String expected = null;
            for (JsonNode e : desk.gateway().get(Role.VIEWER, "/api/v1/leaderboard?window=" + window + "&limit=100")
                    .path("entries")) {
                if (trader.equals(e.path("user").asText())) {
                    expected = Dollars.pnl(e.path("pnl").asText());
                }
            }
            Mismatch.require(expected != null, trader + " is not on the " + window + " leaderboard");
            Mismatch.check(expected, shown.path(window).asText(), trader + "'s P&L on the " + window + " leaderboard");
            read.append(read.isEmpty() ? "" : ", ").append(window).append(' ').append(expected);
        }
        return read.toString();
    }

    private String arbitrageAndSettlement() {
        JsonNode alert = desk.gateway().get(Role.VIEWER, "/api/v1/arbitrage-alerts/" + pm.alertId());
        JsonNode shownAlert = screen.ask("arbitrage", Map.of("alertId", pm.alertId()));
        Mismatch.check(alert.path("executions").asText(), shownAlert.path("executions").asText(),
                "executions of arbitrage alert " + pm.alertId());
        Mismatch.check(alert.path("legs").size(), shownAlert.path("legs").asInt(), "legs of " + pm.alertId());

        JsonNode session = null;
        for (JsonNode s : desk.gateway().get(Role.VIEWER, "/api/v1/sessions?limit=200")) {
            if (settlement.session().equals(s.path("sessionId").asText())) {
                session = s;
            }
        }
        Mismatch.require(session != null, "session " + settlement.session() + " is not among the latest 200");
        JsonNode shownSession = screen.ask("settlement", Map.of("session", settlement.session()));
        Mismatch.check(session.path("fills").asText(), shownSession.path("fills").asText(), "the session's fills");
        Mismatch.require(shownSession.path("stopLoss").asText().startsWith(session.path("stopLossState").asText()),
                "the session's stop-loss: expected " + session.path("stopLossState").asText() + ", was "
                        + shownSession.path("stopLoss").asText());
        return pm.alertId() + ": " + shownAlert.path("executions").asText() + " executions; " + settlement.session()
                + ": " + shownSession.path("fills").asText() + " fill(s), stop-loss " + shownSession.path("stopLoss")
                .asText();
    }

    private String health() {
        JsonNode shown = screen.ask("admin", Map.of()).path("services");
        JsonNode health = desk.gateway().get(Role.ADMIN, "/api/v1/admin/health");
        List<String> read = new ArrayList<>();
        for (JsonNode service : health.path("services")) {
            String name = service.path("name").asText();
            Mismatch.check(service.path("status").asText(), shown.path(name).asText(), name + "'s health on the screen");
            read.add(name + " " + shown.path(name).asText());
        }
        Mismatch.check(health.path("services").size(), shown.size(), "services on the admin page");
        return String.join(", ", read);
    }

    /**
     * A wallet of its own trades with no arbitrage alert to account for it while the inbox is open: the rule made for
     * it raises an alert, which must appear on the screen without a reload; the trader acknowledges it there.
     */
    private String liveAlert() {
        byte[] address = new byte[20];
        new SecureRandom().nextBytes(address);
        String wallet = "0x" + HexFormat.of().formatHex(address);
        String ruleId = "e2e-unmatched-" + desk.run();
        try {
            desk.gateway().post(Role.ADMIN, "/api/v1/alert-rules", Map.of("ruleId", ruleId,
                    "name", "e2e: unmatched trade by the screen's wallet", "kind", "UNMATCHED_EXECUTION",
                    "scope", Map.of("type", "USER", "value", wallet), "severity", "MEDIUM",
                    "channels", List.of("push")));
        } catch (Gateway.CallFailed e) {
            if (e.status() != 409) {
                throw e;
            }
        }
        screen.ask("alerts", Map.of());
        BigInteger token = new BigInteger(128, new SecureRandom()).add(BigInteger.TWO.pow(200));
        HttpResponse<byte[]> answer = PolymarketWebhook.trade(desk, wallet, token, true, 30_000_000L,
                AlchemyPayloads.deliveryId() + "-" + desk.run() + "-screen");
        Mismatch.check(200, answer.statusCode(), "the unmatched trade's webhook answer");
        JsonNode raised = Eventually.within(desk.patience(), "an alert of rule " + ruleId, () -> {
            JsonNode list = desk.gateway().get(Role.VIEWER, "/api/v1/alerts?ruleId=" + ruleId);
            return list.size() > 0 ? list.get(0) : null;
        });
        String alertId = raised.path("alertId").asText();
        JsonNode shown = screen.ask("acknowledge", Map.of("alertId", alertId));
        Mismatch.check(0, shown.path("reloaded").asInt(), "page loads while waiting for the alert");
        Mismatch.check(raised.path("title").asText(), shown.path("title").asText(), "the alert's title on the screen");
        JsonNode after = desk.gateway().get(Role.VIEWER, "/api/v1/alerts/" + alertId);
        JsonNode state = after.has("alert") ? after.path("alert") : after;
        Mismatch.check("ACKNOWLEDGED", state.path("state").asText(), "the alert's state after the click");
        Mismatch.check("dev-trader", state.path("acknowledgedBy").asText(), "who acknowledged it");
        return alertId + " appeared after " + shown.path("appearedMs").asLong() + " ms, acknowledged by "
                + state.path("acknowledgedBy").asText();
    }

    private String accessible() {
        List<String> findings = screen.axeFindings();
        Mismatch.require(findings.isEmpty(), "axe-core: " + String.join("; ", findings));
        JsonNode errors = screen.ask("quit", Map.of()).path("consoleErrors");
        Mismatch.require(errors.isEmpty(), "the browser console: " + errors);
        return "9 views, 0 findings, 0 console errors";
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
