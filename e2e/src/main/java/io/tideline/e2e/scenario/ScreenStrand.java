package io.tideline.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.e2e.scenario.Gateway.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The desk's screen shows the API's numbers: the dashboard read in headless Chromium
 * ({@code gateway/ui/browser/desk-figures.mjs}) against the same figures read from the API and formatted here on their
 * own ({@link Dollars}): the desk value, the all-time P&L, and the prediction-market wallet's row on the leaderboard.
 */
public final class ScreenStrand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Desk desk;
    private final Steps steps;
    private final Path dashboardDir;
    private final String trader;

    public ScreenStrand(Desk desk, Steps steps, Path dashboardDir, String trader) {
        this.desk = desk;
        this.steps = steps;
        this.dashboardDir = dashboardDir;
        this.trader = trader;
    }

    public void run() {
        steps.step("dashboard shows the API's figures (Chromium)", this::sameNumbers);
    }

    private String sameNumbers() {
        Mismatch.require(Files.isDirectory(dashboardDir.resolve("node_modules/playwright-core")),
                "the dashboard's npm packages are missing (" + dashboardDir + "/node_modules): build the gateway first");
        // Figures move while the platform works (a valuation, a price): read the API before and after the screen and
        // compare when they agree.
        for (int attempt = 1; ; attempt++) {
            Expected before = expected();
            JsonNode shown = readScreen();
            Expected after = expected();
            if (!before.equals(after) && attempt < 3) {
                continue;
            }
            Mismatch.check(after.deskValue(), shown.path("deskValue").asText(), "desk value on the screen");
            Mismatch.check(after.pnlAll(), shown.path("pnlAll").asText(), "all-time P&L on the screen");
            Mismatch.check(after.traderPnl(), shown.path("traderPnl").asText(), trader + "'s P&L on the leaderboard");
            return "desk " + after.deskValue() + ", all-time " + after.pnlAll() + ", leaderboard " + after.traderPnl();
        }
    }

    private Expected expected() {
        JsonNode portfolio = desk.gateway().get(Role.VIEWER, "/api/v1/portfolio");
        JsonNode attribution = desk.gateway().get(Role.VIEWER, "/api/v1/attribution");
        String traderPnl = null;
        for (JsonNode e : desk.gateway().get(Role.VIEWER, "/api/v1/leaderboard?window=all").path("entries")) {
            if (trader.equals(e.path("user").asText())) {
                traderPnl = Dollars.pnl(e.path("pnl").asText());
            }
        }
        Mismatch.require(traderPnl != null, trader + " is not on the leaderboard");
        return new Expected(Dollars.amount(portfolio.path("desk").path("value").asText()),
                Dollars.pnl(attribution.path("desk").path("total").asText()), traderPnl);
    }

    private JsonNode readScreen() {
        try {
            ProcessBuilder builder = new ProcessBuilder("node", "browser/desk-figures.mjs").directory(dashboardDir.toFile());
            builder.environment().put("DASHBOARD_URL", desk.gateway().base().toString().replaceAll("/$", ""));
            builder.environment().put("PM_TRADER", trader);
            builder.redirectErrorStream(true);
            Process node = builder.start();
            byte[] output = node.getInputStream().readAllBytes();
            if (!node.waitFor(90, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new Mismatch("reading the dashboard failed: " + new String(output, StandardCharsets.UTF_8).strip());
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            return JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
        } catch (IOException e) {
            throw new Mismatch("cannot run node for the dashboard (is Node.js installed?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Mismatch("interrupted while reading the dashboard");
        }
    }

    private record Expected(String deskValue, String pnlAll, String traderPnl) {
    }
}
