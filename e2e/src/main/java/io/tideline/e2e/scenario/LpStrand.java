package io.tideline.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.e2e.scenario.Gateway.Role;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.uniswap.UniswapDriver;
import io.tideline.testing.uniswap.UniswapDriver.Collected;
import io.tideline.testing.uniswap.UniswapDriver.LiquidityChange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The LP strand: an LP minted on the chain → tracked → hedged on the paper venue → the price leaves its range → an
 * alert raised, pushed live and delivered (email to the local SMTP server, a signed webhook to the local receiver) →
 * acknowledged → the position closed → the hedge closed → its P&L in analytics, checked against the chain's own
 * figures and the venue's fills → its report downloaded. Every read and action goes through the gateway; the chain is
 * driven as the desk's wallet would be.
 */
public final class LpStrand {

    /** Bounds of the comparison with figures recomputed here from the chain: analytics rounds once to 18 places. */
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");

    private final Desk desk;
    private final Steps steps;
    private final UniswapDriver chain;
    private final ChainDeployment deployment;

    private LiquidityChange minted;
    private BigInteger sqrtPriceAtMint;
    private int tickLower;
    private int tickUpper;
    private String key;
    private String hedgeId;
    private String ruleId;
    private String alertId;
    private LiquidityChange withdrawn;
    private Collected collected;
    private String totalPnl;

    public LpStrand(Desk desk, Steps steps) {
        this.desk = desk;
        this.steps = steps;
        this.chain = desk.chain();
        this.deployment = chain.deployment();
    }

    /** The strategy's total P&L as analytics gave it (null before that step passed). */
    /** The position this run minted: its token id, key and hedge (once their steps have run). */
    public String tokenId() {
        return minted == null ? null : minted.tokenId().toString();
    }

    public String positionKey() {
        return key;
    }

    public String hedgeId() {
        return hedgeId;
    }

    public String totalPnl() {
        return totalPnl;
    }

    public void run() {
        steps.step("LP minted on the chain", this::mint);
        steps.step("tracked by lp-tracker (amounts to the wei)", this::tracked);
        steps.step("hedged on the paper venue", this::hedged);
        steps.step("alert rule for the position (admin)", this::rule);
        steps.step("price moved out of the range on the chain", this::priceOut);
        steps.step("alert raised", this::raised);
        steps.step("alert pushed on the live stream", this::pushed);
        steps.step("email delivered once (local SMTP)", this::mailed);
        steps.step("signed webhook delivered once (local receiver)", this::webhooked);
        steps.step("alert acknowledged (trader)", this::acknowledged);
        steps.step("position closed on the chain", this::close);
        steps.step("lp-tracker sees it closed", this::trackedClosed);
        steps.step("hedge bought back and closed", this::hedgeClosed);
        steps.step("P&L in analytics = chain + venue figures", this::pnl);
        steps.step("report downloaded (CSV)", this::report);
    }

    private String owner() {
        return deployment.accounts().owner().address();
    }

    /**
     * Tops the account up only when it holds less than this: every transaction is a block, and a local node mining
     * faster than one block a second dates each one a second after the last, so its clock runs ahead of the wall's
     * (and with it the block times the alert rules measure from).
     */
    private void enough(String account, BigInteger weth, BigInteger usdc) {
        BigInteger heldWeth = chain.balanceOf(deployment.tokens().weth().address(), account);
        BigInteger heldUsdc = chain.balanceOf(deployment.tokens().usdc().address(), account);
        if (heldWeth.compareTo(weth) < 0 || heldUsdc.compareTo(usdc) < 0) {
            chain.fund(account, weth.multiply(BigInteger.TEN), usdc.multiply(BigInteger.TEN));
        }
    }

    private String mint() {
        int spacing = deployment.pool().tickSpacing();
        int tick = chain.slot0().tick();
        int base = Math.floorDiv(tick, spacing) * spacing;
        tickLower = base - 5 * spacing;
        tickUpper = base + 6 * spacing;
        enough(owner(), chain.weth("10"), chain.usdc("50000"));
        sqrtPriceAtMint = chain.slot0().sqrtPriceX96(); // a mint does not move the price
        minted = chain.mint(owner(), tickLower, tickUpper, chain.weth("2"), chain.usdc("5000"));
        return "token id " + minted.tokenId() + ", ticks [" + tickLower + ", " + tickUpper + "], liquidity "
                + minted.liquidity() + ", block " + minted.blockNumber();
    }

    private String tracked() {
        JsonNode position = Eventually.within(desk.patience(), "lp-tracker tracking token " + minted.tokenId(), () -> {
            JsonNode p = desk.gateway().get(Role.VIEWER, "/api/v1/lp/positions/" + minted.tokenId());
            Mismatch.check("ACTIVE", p.path("status").asText(), "status");
            return p;
        });
        key = position.path("key").asText();
        Mismatch.check(minted.liquidity().toString(), position.path("liquidity").asText(), "liquidity");
        Mismatch.check(minted.amount0().toString(), position.path("deposited0").asText(), "deposited0 (wei)");
        Mismatch.check(minted.amount1().toString(), position.path("deposited1").asText(), "deposited1 (raw TUSDC)");
        Mismatch.check(tickLower, position.path("tickLower").asInt(), "tickLower");
        Mismatch.check(tickUpper, position.path("tickUpper").asInt(), "tickUpper");
        Mismatch.check(owner().toLowerCase(), position.path("owner").asText(), "owner");
        return key;
    }

    private String hedged() {
        BigDecimal expected = new BigDecimal(minted.amount0()).movePointLeft(18).setScale(3, RoundingMode.DOWN);
        // The hedge of this mint: its correlation id is the LpMinted's (lineage). The key alone is not enough on a
        // local chain started again after ./platform down, whose token ids start over: an earlier chain's hedge of
        // the same key stays in perp-hedger's history.
        String mintEvent = null;
        for (JsonNode fact : desk.gateway().get(Role.VIEWER, "/api/v1/lp/positions/" + minted.tokenId() + "/history")) {
            if (fact.path("type").asText().equals("LpMinted") && fact.path("txHash").asText().equals(minted.txHash())
                    && fact.path("retractedAt").isMissingNode()) {
                mintEvent = fact.path("eventId").asText();
            }
        }
        Mismatch.require(mintEvent != null, "lp-tracker's history of token " + minted.tokenId()
                + " has no standing LpMinted of tx " + minted.txHash());
        String mintId = mintEvent;
        JsonNode hedge = Eventually.within(desk.patience(), "a filled hedge of " + key, () -> {
            for (JsonNode h : desk.gateway().get(Role.VIEWER, "/api/v1/hedges?positionKey=" + key)) {
                if (mintId.equals(h.path("correlationId").asText())) {
                    Mismatch.check("OPEN", h.path("status").asText(), "hedge status");
                    Mismatch.require(decimal(h, "openQty").compareTo(decimal(h, "targetQty")) == 0,
                            "the short is not filled yet: open " + h.path("openQty").asText());
                    return h;
                }
            }
            throw new Mismatch("no hedge caused by the mint " + mintId + " yet");
        });
        hedgeId = hedge.path("hedgeId").asText();
        Mismatch.require(decimal(hedge, "targetQty").compareTo(expected) == 0, "hedge target: expected the minted TWETH "
                + expected + " (token0 rounded down to the 0.001 step), was " + hedge.path("targetQty").asText());
        return "short " + hedge.path("openQty").asText() + " " + hedge.path("market").asText() + ", sold for "
                + hedge.path("soldValue").asText();
    }

    private String rule() {
        ruleId = "e2e-out-of-range-" + desk.run() + "-" + minted.tokenId();
        try {
            desk.gateway().post(Role.ADMIN, "/api/v1/alert-rules", Map.of(
                    "ruleId", ruleId,
                    "name", "e2e: position " + minted.tokenId() + " out of range",
                    "kind", "OUT_OF_RANGE",
                    "scope", Map.of("type", "POSITION", "value", key),
                    "params", Map.of("forSeconds", 1),
                    "severity", "HIGH",
                    "channels", List.of("push", "email:desk", "webhook:ops"),
                    "cooldownSeconds", 60));
        } catch (Gateway.CallFailed e) {
            if (e.status() != 409) {
                throw e;
            }
            // sent again after an answer that did not arrive: the rule is there
        }
        JsonNode rule = desk.gateway().get(Role.VIEWER, "/api/v1/alert-rules/" + ruleId);
        Mismatch.check("OUT_OF_RANGE", rule.path("kind").asText(), "rule kind");
        return ruleId;
    }

    private String priceOut() {
        String trader = deployment.accounts().trader().address();
        enough(trader, chain.weth("500"), BigInteger.ZERO);
        int target = tickLower - 2 * deployment.pool().tickSpacing();
        UniswapDriver.Swapped swapped = chain.swapToTick(trader, target);
        Mismatch.require(swapped.tick() < tickLower, "the swap left the pool at tick " + swapped.tick()
                + ", inside the range [" + tickLower + ", " + tickUpper + "]");
        Eventually.within(desk.patience(), "lp-tracker seeing the position out of range", () -> {
            JsonNode p = desk.gateway().get(Role.VIEWER, "/api/v1/lp/positions/" + minted.tokenId());
            Mismatch.check("INACTIVE", p.path("status").asText(), "status");
            return p;
        });
        return "pool tick " + swapped.tick() + " < " + tickLower + " (block " + swapped.blockNumber() + ")";
    }

    private String raised() {
        JsonNode alert = Eventually.within(desk.patience(), "an alert of rule " + ruleId, () -> {
            JsonNode list = desk.gateway().get(Role.VIEWER, "/api/v1/alerts?ruleId=" + ruleId);
            Mismatch.require(list.size() > 0, "no alert of rule " + ruleId + " yet");
            return list.get(0);
        });
        alertId = alert.path("alertId").asText();
        Mismatch.check("HIGH", alert.path("severity").asText(), "severity");
        return alertId + " \"" + alert.path("title").asText() + "\"";
    }

    private String pushed() {
        int gapsBefore = desk.stream().gaps();
        try {
            Eventually.within(desk.patience(), "AlertRaised " + alertId + " on /api/v1/stream",
                    () -> desk.stream().find("AlertRaised", p -> alertId.equals(p.path("alertId").asText())));
        } catch (Mismatch notSeen) {
            // A gateway restarted in between cannot replay what its predecessor streamed: it says so (event: missed),
            // and a client reads the state over REST, as raised() did. Anything else is a lost push.
            if (desk.stream().gaps() == 0 || desk.stream().gaps() == gapsBefore && desk.stream().connections() <= 1) {
                throw notSeen;
            }
            return "not on the stream: the gateway restarted and said so (event: missed, " + desk.stream().gaps()
                    + " times); read over REST";
        }
        return desk.stream().size() + " events seen on the stream so far";
    }

    private String mailed() {
        List<JsonNode> mail = Eventually.within(desk.patience(), "a mail about alert " + alertId, () -> {
            List<JsonNode> found = desk.receivers().mailFor(alertId);
            return found.isEmpty() ? null : found;
        });
        Mismatch.check(1, mail.size(), "mails about the raised alert");
        Mismatch.check(1, mail.get(0).path("count").asInt(), "copies of " + mail.get(0).path("idempotencyKey").asText());
        String subject = mail.get(0).path("fields").path("subject").asText();
        Mismatch.require(subject.startsWith("[HIGH]"), "mail subject: expected [HIGH] …, was " + subject);
        return subject;
    }

    private String webhooked() {
        List<JsonNode> hooks = Eventually.within(desk.patience(), "a webhook about alert " + alertId, () -> {
            List<JsonNode> found = desk.receivers().webhooksFor(alertId);
            return found.isEmpty() ? null : found;
        });
        Mismatch.check(1, hooks.size(), "webhooks about the raised alert");
        JsonNode hook = hooks.get(0);
        Mismatch.check(1, hook.path("count").asInt(), "copies of " + hook.path("idempotencyKey").asText());
        Mismatch.check("RAISED", hook.path("fields").path("kind").asText(), "webhook kind");
        JsonNode refused = desk.receivers().webhooks().path("refused");
        Mismatch.check(0, refused.size(), "webhooks refused by the receiver (signature or replay window): " + refused);
        return hook.path("idempotencyKey").asText() + ", signature verified";
    }

    private String acknowledged() {
        try {
            desk.gateway().post(Role.TRADER, "/api/v1/alerts/" + alertId + "/acknowledge",
                    Map.of("note", "e2e run " + desk.run()));
        } catch (Gateway.CallFailed e) {
            if (e.status() != 409) {
                throw e;
            }
            // sent again after an answer that did not arrive: checked below
        }
        JsonNode alert = desk.gateway().get(Role.VIEWER, "/api/v1/alerts/" + alertId);
        JsonNode state = alert.has("alert") ? alert.path("alert") : alert;
        Mismatch.check("ACKNOWLEDGED", state.path("state").asText(), "alert state");
        return "by " + state.path("acknowledgedBy").asText();
    }

    private String close() {
        withdrawn = chain.decreaseLiquidity(owner(), minted.tokenId(), minted.liquidity());
        collected = chain.collect(owner(), minted.tokenId(), owner());
        chain.burn(owner(), minted.tokenId());
        return "withdrew " + withdrawn.amount0() + " / " + withdrawn.amount1() + ", collected " + collected.amount0()
                + " / " + collected.amount1() + ", burned";
    }

    private String trackedClosed() {
        JsonNode position = Eventually.within(desk.patience(), "lp-tracker seeing token " + minted.tokenId() + " closed",
                () -> {
                    JsonNode p = desk.gateway().get(Role.VIEWER, "/api/v1/lp/positions/" + minted.tokenId());
                    Mismatch.check("CLOSED", p.path("status").asText(), "status");
                    Mismatch.require(p.path("burned").asBoolean(), "not burned yet");
                    return p;
                });
        Mismatch.check(withdrawn.amount0().toString(), position.path("withdrawn0").asText(), "withdrawn0");
        Mismatch.check(withdrawn.amount1().toString(), position.path("withdrawn1").asText(), "withdrawn1");
        Mismatch.check(collected.amount0().subtract(withdrawn.amount0()).toString(),
                position.path("feesCollected0").asText(), "feesCollected0 (collected - withdrawn)");
        Mismatch.check(collected.amount1().subtract(withdrawn.amount1()).toString(),
                position.path("feesCollected1").asText(), "feesCollected1 (collected - withdrawn)");
        return "fees " + position.path("feesCollected0").asText() + " / " + position.path("feesCollected1").asText();
    }

    private String hedgeClosed() {
        JsonNode hedge = Eventually.within(desk.patience(), "hedge " + hedgeId + " closed", () -> {
            JsonNode h = desk.gateway().get(Role.VIEWER, "/api/v1/hedges/" + hedgeId).path("hedge");
            Mismatch.check("CLOSED", h.path("status").asText(), "hedge status");
            return h;
        });
        Mismatch.require(decimal(hedge, "openQty").signum() == 0, "open quantity after closing: " + hedge.path("openQty"));
        return "sold " + hedge.path("soldValue").asText() + ", bought back " + hedge.path("boughtValue").asText()
                + ", fees " + hedge.path("fees").asText();
    }

    private String pnl() {
        // Analytics keeps a strategy's hedge side by position key: every hedge of the key (an earlier local chain's
        // too, see hedged()) counts, each one closed.
        BigDecimal sold = BigDecimal.ZERO;
        BigDecimal bought = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (JsonNode h : desk.gateway().get(Role.VIEWER, "/api/v1/hedges?positionKey=" + key)) {
            Mismatch.check("CLOSED", h.path("status").asText(), "status of hedge " + h.path("hedgeId").asText());
            sold = sold.add(decimal(h, "soldValue"));
            bought = bought.add(decimal(h, "boughtValue"));
            fees = fees.add(decimal(h, "fees"));
        }
        BigDecimal hedgeFees = fees;
        JsonNode position = desk.gateway().get(Role.VIEWER, "/api/v1/lp/positions/" + minted.tokenId());
        JsonNode figures = Eventually.within(desk.patience(), "analytics closing strategy " + key, () -> {
            JsonNode s = desk.gateway().get(Role.VIEWER, "/api/v1/portfolio/strategies/" + key);
            Mismatch.check("CLOSED", s.path("status").asText(), "strategy status");
            JsonNode f = s.path("figures");
            Mismatch.require(decimal(f, "hedgeUnrealized").signum() == 0, "the hedge is still open in analytics");
            Mismatch.require(decimal(f, "feesPaid").negate().compareTo(hedgeFees) == 0,
                    "feesPaid: expected -" + hedgeFees + " (the venue's fees), was " + f.path("feesPaid").asText());
            return f;
        });
        // The cost recomputed exactly from the chain: the deposit at the pool's price at the mint, rounded once.
        BigDecimal cost = value(minted.amount0(), minted.amount1(), price(sqrtPriceAtMint)).setScale(18, RoundingMode.HALF_EVEN);
        Mismatch.require(decimal(position, "costToken1").compareTo(cost) == 0,
                "lp-tracker's cost: expected " + cost + " (exact), was " + position.path("costToken1").asText());
        Mismatch.require(decimal(figures, "cost").compareTo(cost) == 0,
                "analytics' cost: expected " + cost + " (exact), was " + figures.path("cost").asText());
        BigDecimal hedgeExpected = sold.subtract(bought);
        within(hedgeExpected, decimal(figures, "hedgeRealized"), "hedgeRealized (sold - bought at the venue)");
        // The LP side recomputed from the chain: what came back (principal + fees) at the pool's price now, less cost.
        BigDecimal back = value(collected.amount0(), collected.amount1(), price(chain.slot0().sqrtPriceX96()));
        BigDecimal lpExpected = back.subtract(decimal(figures, "cost"));
        BigDecimal lpActual = decimal(figures, "totalPnl").subtract(decimal(figures, "hedgeRealized"))
                .subtract(decimal(figures, "hedgeUnrealized")).subtract(decimal(figures, "funding"))
                .subtract(decimal(figures, "feesPaid")).subtract(decimal(figures, "takeProfit"))
                .subtract(decimal(figures, "predictionMarket"));
        within(lpExpected, lpActual, "LP P&L (collected at the pool price - cost)");
        totalPnl = figures.path("totalPnl").asText();
        return "total " + Dollars.pnl(totalPnl) + " = LP " + Dollars.pnl(lpActual.toPlainString()) + " + hedge "
                + Dollars.pnl(figures.path("hedgeRealized").asText()) + " + fees " + Dollars.pnl(figures.path("feesPaid").asText());
    }

    private String report() {
        var response = desk.gateway().download(Role.VIEWER,
                "/api/v1/reports/portfolio?format=CSV&level=STRATEGY&scope=" + key);
        String type = response.headers().firstValue("Content-Type").orElse("");
        Mismatch.require(type.startsWith("text/csv"), "report content type: " + type);
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        Mismatch.require(csv.contains(key), "the report does not name the strategy " + key);
        Mismatch.require(csv.contains(totalPnl), "the report does not carry the total P&L " + totalPnl);
        return response.body().length + " bytes, " + csv.lines().count() + " lines, "
                + response.headers().firstValue("Content-Disposition").orElse("no file name");
    }

    /** token1 per token0 in whole tokens, exactly: (sqrtPriceX96 / 2^96)^2 x 10^(d0 - d1) (a power of two below). */
    private BigDecimal price(BigInteger sqrtPriceX96) {
        return new BigDecimal(sqrtPriceX96.multiply(sqrtPriceX96)).movePointRight(decimals0() - decimals1())
                .divide(new BigDecimal(BigInteger.ONE.shiftLeft(192)));
    }

    /** amount0 x price + amount1 in whole token1 (the dollar here), exact. */
    private BigDecimal value(BigInteger amount0, BigInteger amount1, BigDecimal price) {
        return new BigDecimal(amount0).movePointLeft(decimals0()).multiply(price)
                .add(new BigDecimal(amount1).movePointLeft(decimals1()));
    }

    private int decimals0() {
        return (deployment.wethIsToken0() ? deployment.tokens().weth() : deployment.tokens().usdc()).decimals();
    }

    private int decimals1() {
        return (deployment.wethIsToken0() ? deployment.tokens().usdc() : deployment.tokens().weth()).decimals();
    }

    private static void within(BigDecimal expected, BigDecimal actual, String what) {
        Mismatch.require(expected.subtract(actual).abs().compareTo(TOLERANCE) <= 0, what + ": expected "
                + expected.toPlainString() + ", was " + actual.toPlainString() + " (allowed " + TOLERANCE + ")");
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() && !value.isNumber()) {
            throw new Mismatch(field + " is missing from " + abbreviated(node));
        }
        return new BigDecimal(value.asText());
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
