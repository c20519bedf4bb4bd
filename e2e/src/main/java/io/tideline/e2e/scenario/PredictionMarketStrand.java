package io.tideline.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.e2e.scenario.Gateway.Role;
import io.tideline.testing.alchemy.AlchemyPayloads;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The prediction-market strand: an arbitrage alert, then a Polymarket buy and sale by the desk's wallet arriving as
 * signed Alchemy Address Activity webhooks through the gateway's ingress → both executions matched to the alert →
 * the sale's realized P&L → the wallet on the leaderboard → the P&L in analytics. A fresh wallet and outcome token
 * per run, so runs never meet; the figures are worked here by hand: 100 shares bought at 0.40 and sold at 0.55 with no
 * fee realize 55 − 40 = 15.
 */
public final class PredictionMarketStrand {

    private static final BigDecimal EXPECTED_REALIZED = new BigDecimal("15");

    private final Desk desk;
    private final Steps steps;
    private final String wallet;
    private final BigInteger tokenId;
    private final String market;
    private String alertId;

    public PredictionMarketStrand(Desk desk, Steps steps) {
        this.desk = desk;
        this.steps = steps;
        SecureRandom random = new SecureRandom();
        byte[] address = new byte[20];
        random.nextBytes(address);
        this.wallet = "0x" + HexFormat.of().formatHex(address);
        this.tokenId = new BigInteger(128, random).add(BigInteger.TWO.pow(200));
        this.market = "e2e-" + desk.run();
    }

    public String wallet() {
        return wallet;
    }

    /** The arbitrage alert this run's trades are matched to (once its step has run). */
    public String alertId() {
        return alertId;
    }

    public void run() {
        steps.step("arbitrage alert posted (trader)", this::alert);
        steps.step("Polymarket buy by signed webhook (gateway)", () -> trade("buy", true, 40_000_000L));
        steps.step("Polymarket sale by signed webhook (gateway)", () -> trade("sale", false, 55_000_000L));
        steps.step("a bad signature refused, nothing stored", this::badSignature);
        steps.step("both executions matched to the alert", this::matched);
        steps.step("realized P&L 15 (sold 55 - bought 40)", this::realized);
        steps.step("wallet on the leaderboard", this::leaderboard);
        steps.step("prediction-market P&L in analytics", this::analytics);
    }

    private String alert() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        alertId = "e2e-" + desk.run() + "-" + tokenId.toString(36).substring(0, 8);
        try {
            desk.gateway().post(Role.TRADER, "/api/v1/arbitrage-alerts", Map.of(
                "alertId", alertId,
                "expectedEdge", "0.05",
                "createdAt", now.minus(Duration.ofMinutes(1)).toString(),
                "expiresAt", now.plus(Duration.ofHours(1)).toString(),
                "legs", List.of(Map.of("venue", "polymarket", "market", market, "outcome", "YES", "side", "BUY",
                        "expectedPrice", "0.40", "tokenId", tokenId.toString()))));
        } catch (Gateway.CallFailed e) {
            if (e.status() != 409) {
                throw e;
            }
        }
        JsonNode alert = desk.gateway().get(Role.VIEWER, "/api/v1/arbitrage-alerts/" + alertId);
        Mismatch.check(market, alert.path("legs").path(0).path("market").asText(), "the alert's market");
        return alertId + " on " + market;
    }

    /** 100 shares against {@code usdcRaw} (6 decimals) of USDC: bought (shares in, USDC out) or sold. */
    private String trade(String what, boolean buy, long usdcRaw) {
        String deliveryId = AlchemyPayloads.deliveryId() + "-" + desk.run();
        HttpResponse<byte[]> answer = PolymarketWebhook.trade(desk, wallet, tokenId, buy, usdcRaw, deliveryId);
        Mismatch.check(200, answer.statusCode(), "the " + what + "'s webhook answer (" + new String(answer.body()) + ")");
        desk.ledger().record("webhook-acknowledged", deliveryId, what);
        return "delivery " + deliveryId + ", " + new String(answer.body());
    }

    /** pnl-ingest's webhook inbox as it stands (pending, the worker's state and error, why set aside). */
    private String inbox() {
        try {
            return desk.gateway().get(Role.VIEWER, "/api/v1/webhooks/inbox").toString();
        } catch (RuntimeException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    private String badSignature() {
        byte[] body = AlchemyPayloads.delivery(LocalPolymarket.WEBHOOK_ID, AlchemyPayloads.deliveryId(), Instant.now());
        HttpResponse<byte[]> answer = desk.gateway().postSigned("/webhooks/alchemy", body,
                Map.of("X-Alchemy-Signature", AlchemyPayloads.sign(body, "not-the-signing-key")));
        Mismatch.check(401, answer.statusCode(), "a webhook signed with another key");
        return "401 " + answer.headers().firstValue("Content-Type").orElse("");
    }

    private String matched() {
        JsonNode executions;
        try {
            executions = Eventually.within(desk.patience(), "the wallet's two executions", () -> {
                JsonNode list = desk.gateway().get(Role.VIEWER, "/api/v1/executions/" + wallet);
                Mismatch.check(2, list.size(), "executions of " + wallet);
                return list;
            });
        } catch (Mismatch e) {
            throw new Mismatch(e.getMessage() + "; pnl-ingest's webhook inbox: " + inbox());
        }
        StringBuilder read = new StringBuilder();
        for (JsonNode e : executions) {
            Mismatch.check(alertId, e.path("alertId").asText(), "the alert of execution " + e.path("executionId").asText());
            Mismatch.check(market, e.path("market").asText(), "market (from the alert's token id)");
            Mismatch.require(LpStrand.decimal(e, "shares").compareTo(new BigDecimal("100")) == 0,
                    "shares: expected 100, was " + e.path("shares").asText());
            BigDecimal price = new BigDecimal(e.path("side").asText().equals("BUY") ? "0.40" : "0.55");
            Mismatch.require(LpStrand.decimal(e, "price").compareTo(price) == 0,
                    e.path("side").asText() + " price: expected " + price + ", was " + e.path("price").asText());
            read.append(read.isEmpty() ? "" : ", ").append(e.path("side").asText()).append(" 100 @ ")
                    .append(e.path("price").asText());
        }
        // the exchange is the counterparty, not a trader: only the wallet's two executions count for the alert
        JsonNode alert = desk.gateway().get(Role.VIEWER, "/api/v1/arbitrage-alerts/" + alertId);
        Mismatch.check(2, alert.path("executions").asInt(), "executions matched to " + alertId);
        return read.toString();
    }

    private String realized() {
        JsonNode pnl = Eventually.within(desk.patience(), "realized P&L of " + wallet, () -> {
            JsonNode p = desk.gateway().get(Role.VIEWER, "/api/v1/pnl/" + wallet);
            Mismatch.require(LpStrand.decimal(p, "realized").compareTo(EXPECTED_REALIZED) == 0,
                    "realized: expected 15, was " + p.path("realized").asText());
            return p;
        });
        Mismatch.check(1, pnl.path("closes").asInt(), "closes");
        Mismatch.check(1, pnl.path("wins").asInt(), "wins");
        return "realized " + pnl.path("realized").asText() + ", fees " + pnl.path("fees").asText();
    }

    private String leaderboard() {
        JsonNode entry = Eventually.within(desk.patience(), wallet + " on the all-time leaderboard", () -> {
            JsonNode board = desk.gateway().get(Role.VIEWER, "/api/v1/leaderboard?window=all");
            for (JsonNode e : board.path("entries")) {
                if (wallet.equals(e.path("user").asText())) {
                    return e;
                }
            }
            return null;
        });
        Mismatch.require(LpStrand.decimal(entry, "pnl").compareTo(EXPECTED_REALIZED) == 0,
                "leaderboard P&L: expected 15, was " + entry.path("pnl").asText());
        Mismatch.check(2, entry.path("trades").asInt(), "leaderboard trades");
        return "rank " + entry.path("rank").asText() + ", " + Dollars.pnl(entry.path("pnl").asText());
    }

    private String analytics() {
        JsonNode figures = Eventually.within(desk.patience(), "analytics strategy pm:" + wallet, () -> {
            JsonNode f = desk.gateway().get(Role.VIEWER, "/api/v1/portfolio/strategies/pm:" + wallet).path("figures");
            Mismatch.require(LpStrand.decimal(f, "predictionMarket").compareTo(EXPECTED_REALIZED) == 0,
                    "predictionMarket: expected 15, was " + f.path("predictionMarket").asText());
            return f;
        });
        return "predictionMarket " + figures.path("predictionMarket").asText();
    }
}
