package io.tideline.settlement.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.events.EventJson;
import io.tideline.events.TradeSide;
import io.tideline.settlement.fill.FillRules;
import io.tideline.settlement.fill.FillSubmission;
import io.tideline.settlement.session.SessionSubmission;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns one legacy session's Redis values into a session and its fills: the pairs are those of the hash's list plus any
 * a fill or order names; a fill without pair or side takes them from its order; fills listed twice under one
 * (venue, order id, trade id) are kept once; a fill that cannot be read is counted and described, never guessed.
 */
public final class LegacySessionReader {

    private static final ObjectMapper JSON = EventJson.mapper();

    /** A session read from Redis. */
    public record LegacySession(SessionSubmission session, List<FillSubmission> fills, int orders,
                                int duplicatesInRedis, List<String> invalid) {
    }

    public LegacySession read(String sessionId, Map<String, String> hash, List<String> orders, List<String> fills) {
        String venue = required(hash, "venue", sessionId);
        Instant started = instant(required(hash, "started_at", sessionId), "started_at");
        Instant ended = hash.containsKey("ended_at") && !hash.get("ended_at").isBlank()
                ? instant(hash.get("ended_at"), "ended_at") : null;
        TreeSet<String> pairs = new TreeSet<>(pairsOf(hash.getOrDefault("pairs", "")));

        Map<String, JsonNode> orderById = new HashMap<>();
        for (String o : orders) {
            JsonNode node = parse(o);
            if (node != null && node.hasNonNull("orderId")) {
                orderById.put(node.get("orderId").asText(), node);
                String pair = text(node, "pair");
                if (pair != null && FillRules.PAIR.matcher(pair.toUpperCase(Locale.ROOT)).matches()) {
                    pairs.add(pair.toUpperCase(Locale.ROOT));
                }
            }
        }
        Map<String, FillSubmission> unique = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < fills.size(); i++) {
            JsonNode node = parse(fills.get(i));
            try {
                FillSubmission f = fill(sessionId, venue, node, orderById);
                String key = f.venue() + "\u0000" + f.orderId() + "\u0000" + f.tradeId();
                if (unique.putIfAbsent(key, f) != null) {
                    duplicates++;
                } else {
                    pairs.add(f.pair());
                }
            } catch (IllegalArgumentException e) {
                String trade = node == null ? null : text(node, "tradeId");
                invalid.add("session " + sessionId + " fill #" + i + (trade == null ? "" : " (trade " + trade + ")")
                        + ": " + e.getMessage());
            }
        }
        SessionSubmission session = new SessionSubmission(sessionId, venue, List.copyOf(pairs), started, ended);
        return new LegacySession(session, List.copyOf(unique.values()), orders.size(), duplicates, invalid);
    }

    private static FillSubmission fill(String sessionId, String venue, JsonNode f, Map<String, JsonNode> orders) {
        if (f == null) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String orderId = requiredText(f, "orderId");
        String tradeId = requiredText(f, "tradeId");
        JsonNode order = orders.get(orderId);
        String pair = text(f, "pair") != null ? text(f, "pair") : order == null ? null : text(order, "pair");
        if (pair == null || !FillRules.PAIR.matcher(pair.toUpperCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("no pair (BASE-QUOTE) on the fill or its order " + orderId);
        }
        String side = text(f, "side") != null ? text(f, "side") : order == null ? null : text(order, "side");
        TradeSide tradeSide;
        try {
            tradeSide = TradeSide.valueOf(side == null ? "" : side.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("side must be BUY or SELL, was " + side);
        }
        BigDecimal qty = decimal(f, "qty");
        BigDecimal price = decimal(f, "price");
        BigDecimal fee = f.hasNonNull("fee") ? decimal(f, "fee") : BigDecimal.ZERO;
        Instant at = instant(requiredText(f, "ts"), "ts");
        // the rules every fill is held to, wherever it comes from (ids, bounds, signs, not in the future)
        return FillRules.submission(sessionId, pair, venue, orderId, tradeId, tradeSide.name(), qty, price, fee,
                text(f, "feeAsset"), at, Instant.now());
    }

    /** A JSON array ({@code ["ETH-USDC"]}) or a comma-separated list. */
    static List<String> pairsOf(String value) {
        List<String> pairs = new ArrayList<>();
        String v = value.trim();
        if (v.startsWith("[")) {
            JsonNode array = parse(v);
            if (array != null) {
                array.forEach(p -> pairs.add(p.asText()));
            }
        } else {
            for (String p : v.split(",")) {
                pairs.add(p);
            }
        }
        return pairs.stream().map(p -> p.trim().toUpperCase(Locale.ROOT)).filter(p -> FillRules.PAIR.matcher(p).matches())
                .toList();
    }

    /** ISO-8601, or epoch milliseconds as the old system wrote them. */
    static Instant instant(String value, String field) {
        String v = value.trim();
        try {
            return v.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(v)) : Instant.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " is neither ISO-8601 nor epoch milliseconds: " + value);
        }
    }

    private static String required(Map<String, String> hash, String field, String sessionId) {
        String v = hash.get(field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("session " + sessionId + " has no " + field);
        }
        return v.trim();
    }

    private static String requiredText(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String v = requiredText(node, field);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number: " + v);
        }
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && (node.isObject() || node.isArray()) ? node : null;
        } catch (Exception e) {
            return null;
        }
    }
}
