package io.tideline.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.e2e.scenario.Gateway.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The settlement strand: a market-making session, the pair's bid on the paper venue, a buy fill → a settlement run
 * places one post-only take-profit → a second run places nothing more → the bid reaches it → it fills → analytics
 * counts it: 1 × (take-profit − 2000) − the paper venue's fee (the pair's rate, 0.001, on the notional).
 */
public final class SettlementStrand {

    private static final String PAIR = "ETH-USDC";
    private static final BigDecimal ENTRY = new BigDecimal("2000");
    private static final BigDecimal FEE_RATE = new BigDecimal("0.001");

    private final Desk desk;
    private final Steps steps;
    private final String session;
    private JsonNode takeProfit;

    public SettlementStrand(Desk desk, Steps steps) {
        this.desk = desk;
        this.steps = steps;
        this.session = "e2e-" + desk.run();
    }

    public String session() {
        return session;
    }

    public void run() {
        steps.step("session, bid and a buy fill (trader)", this::fill);
        steps.step("settlement run places one take-profit", this::placed);
        steps.step("a second run places none twice", this::again);
        steps.step("the bid reaches it: take-profit filled", this::filled);
        steps.step("take-profit P&L in analytics", this::analytics);
    }

    private String fill() {
        desk.gateway().post(Role.TRADER, "/api/v1/sessions", Map.of("sessionId", session, "venue", "binance",
                "pairs", List.of(PAIR), "startedAt", Instant.now().minus(5, ChronoUnit.MINUTES).toString()));
        desk.gateway().post(Role.TRADER, "/api/v1/paper/prices", Map.of("pair", PAIR, "bid", "1995"));
        JsonNode fill = desk.gateway().post(Role.TRADER, "/api/v1/fills", Map.of("sessionId", session, "pair", PAIR,
                "venue", "binance", "orderId", session + "-o1", "tradeId", session + "-t1", "side", "BUY",
                "quantity", "1", "price", ENTRY.toPlainString(), "fee", "0.2",
                "filledAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString()));
        Mismatch.check(false, fill.path("duplicate").asBoolean(), "the fill is new");
        return session + ": BUY 1 " + PAIR + " @ 2000";
    }

    private String placed() {
        JsonNode run = settle();
        takeProfit = Eventually.within(desk.patience(), "a live take-profit of " + session, () -> {
            JsonNode list = desk.gateway().get(Role.VIEWER, "/api/v1/take-profits?sessionId=" + session);
            Mismatch.check(1, list.size(), "take-profits of the session");
            Mismatch.check("LIVE", list.get(0).path("state").asText(), "take-profit state");
            return list.get(0);
        });
        BigDecimal price = LpStrand.decimal(takeProfit, "price");
        Mismatch.require(price.compareTo(ENTRY.multiply(BigDecimal.ONE.add(FEE_RATE.multiply(BigDecimal.valueOf(2))))) >= 0,
                "the take-profit " + price + " is below entry x (1 + 2 x fee rate)");
        return "SELL 1 @ " + price + " (" + takeProfit.path("clientOrderId").asText() + "), run placed "
                + run.path("ordersPlaced").asInt();
    }

    private String again() {
        settle();
        JsonNode list = desk.gateway().get(Role.VIEWER, "/api/v1/take-profits?sessionId=" + session);
        Mismatch.check(1, list.size(), "take-profits after a second run");
        return "still one take-profit";
    }

    private String filled() {
        desk.gateway().post(Role.TRADER, "/api/v1/paper/prices", Map.of("pair", PAIR, "bid", takeProfit.path("price").asText()));
        settle();
        JsonNode tp = Eventually.within(desk.patience(), "take-profit " + takeProfit.path("clientOrderId").asText()
                + " filled", () -> {
                    JsonNode t = desk.gateway().get(Role.VIEWER, "/api/v1/take-profits/"
                            + takeProfit.path("clientOrderId").asText());
                    Mismatch.check("FILLED", t.path("state").asText(), "take-profit state");
                    return t;
                });
        return "filled " + tp.path("filledQuantity").asText() + " @ " + tp.path("price").asText();
    }

    private String analytics() {
        BigDecimal price = LpStrand.decimal(takeProfit, "price");
        BigDecimal expected = price.subtract(ENTRY).subtract(price.multiply(FEE_RATE));
        JsonNode figures = Eventually.within(desk.patience(), "analytics counting the take-profit", () -> {
            JsonNode f = desk.gateway().get(Role.VIEWER, "/api/v1/portfolio/strategies/mm:" + session + ":" + PAIR)
                    .path("figures");
            Mismatch.require(LpStrand.decimal(f, "takeProfit").compareTo(expected) == 0,
                    "takeProfit: expected " + expected + ", was " + f.path("takeProfit").asText());
            return f;
        });
        return "takeProfit " + figures.path("takeProfit").asText() + " = (" + price + " - 2000) - " + price + " x 0.001";
    }

    private JsonNode settle() {
        // 409 while a scheduled run holds this instance: asked again (a run places nothing twice).
        JsonNode run = Eventually.within(desk.patience(), "a settlement run",
                () -> desk.gateway().post(Role.TRADER, "/api/v1/settlement/run", Map.of("sessionId", session)));
        Mismatch.check(0, run.path("errors").size(), "errors of the settlement run " + run.path("errors"));
        return run;
    }
}
