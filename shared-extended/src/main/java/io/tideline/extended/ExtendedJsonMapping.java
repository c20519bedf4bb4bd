package io.tideline.extended;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Extended's JSON objects (orders, trades, positions, balance, market configuration, stats, order book and
 * funding rates) into this module's records.
 *
 * <p>Ids are read as the JSON text of the number, never through a {@code double} or a {@code long}: Extended's ids are
 * 64-bit and its documentation shows some at 2^63, beyond a signed long. Decimals are read from their strings (or the
 * exact number), never through {@code double}. A missing required field makes the answer unreadable, reported as
 * {@link ExtendedUnavailableException} (the caller's retry or lookup decides what to do; nothing is guessed).
 */
final class ExtendedJsonMapping {

    private final ObjectMapper json;

    ExtendedJsonMapping(ObjectMapper json) {
        this.json = json;
    }

    /** An order of {@code GET /user/orders/{id}}, {@code GET /user/orders/external/{externalId}} or the open orders. */
    ExtendedOrderState order(JsonNode order) {
        return new ExtendedOrderState(
                id(order, "id", "order"),
                text(order, "externalId", "order"),
                text(order, "market", "order"),
                optionalText(order, "type").orElse(null),
                side(order, "order"),
                text(order, "status", "order"),
                optionalText(order, "statusReason").orElse(null),
                decimal(order, "qty", "order"),
                optionalDecimal(order, "price").orElse(null),
                optionalDecimal(order, "filledQty").orElse(BigDecimal.ZERO),
                optionalDecimal(order, "averagePrice").orElse(null),
                optionalDecimal(order, "payedFee").orElse(BigDecimal.ZERO),
                optionalInstant(order, "createdTime"),
                optionalInstant(order, "updatedTime"),
                raw(order));
    }

    /** A trade of {@code GET /user/trades}. */
    ExtendedTrade trade(JsonNode trade) {
        return new ExtendedTrade(
                id(trade, "id", "trade"),
                id(trade, "orderId", "trade"),
                text(trade, "market", "trade"),
                side(trade, "trade"),
                // the documented example says qty/price, the field table filledQty/averagePrice: read either
                optionalDecimal(trade, "qty").or(() -> optionalDecimal(trade, "filledQty"))
                        .orElseThrow(() -> missing("qty", "trade")),
                optionalDecimal(trade, "price").or(() -> optionalDecimal(trade, "averagePrice"))
                        .orElseThrow(() -> missing("price", "trade")),
                optionalDecimal(trade, "fee").orElse(BigDecimal.ZERO),
                trade.path("isTaker").asBoolean(false),
                optionalInstant(trade, "createdTime"),
                raw(trade));
    }

    /** A position of {@code GET /user/positions}; empty when its size is zero. */
    Optional<ExtendedPosition> position(JsonNode position) {
        BigDecimal size = decimal(position, "size", "position").abs();
        if (size.signum() == 0) {
            return Optional.empty();
        }
        String side = text(position, "side", "position");
        TradeSide tradeSide = switch (side) {
            case "LONG" -> TradeSide.BUY;
            case "SHORT" -> TradeSide.SELL;
            default -> throw unreadable("position side " + side);
        };
        return Optional.of(new ExtendedPosition(text(position, "market", "position"), tradeSide, size,
                decimal(position, "openPrice", "position"), optionalDecimal(position, "markPrice").orElse(null)));
    }

    /** The {@code data} of {@code GET /info/markets/{market}/stats}. */
    ExtendedMarketStats stats(String market, JsonNode stats) {
        return new ExtendedMarketStats(market,
                optionalDecimal(stats, "bidPrice").orElse(null),
                optionalDecimal(stats, "askPrice").orElse(null),
                optionalDecimal(stats, "markPrice").orElse(null),
                optionalDecimal(stats, "indexPrice").orElse(null),
                optionalDecimal(stats, "lastPrice").orElse(null),
                optionalDecimal(stats, "fundingRate").orElse(null));
    }

    /** The {@code data} of {@code GET /user/balance}. */
    ExtendedBalance balance(JsonNode balance) {
        return new ExtendedBalance(
                text(balance, "collateralName", "balance"),
                decimal(balance, "balance", "balance"),
                decimal(balance, "equity", "balance"),
                decimal(balance, "availableForTrade", "balance"),
                optionalDecimal(balance, "availableForWithdrawal").orElse(null),
                optionalDecimal(balance, "unrealisedPnl").orElse(null),
                optionalDecimal(balance, "initialMargin").orElse(null),
                optionalDecimal(balance, "marginRatio").orElse(null),
                optionalInstant(balance, "updatedTime"));
    }

    /** One entry of {@code GET /info/{market}/funding}: {@code m} market, {@code f} rate, {@code T} epoch ms. */
    ExtendedFundingRate fundingRate(JsonNode rate) {
        Instant at = optionalInstant(rate, "T");
        if (at == null) {
            throw missing("T", "funding rate");
        }
        return new ExtendedFundingRate(text(rate, "m", "funding rate"), decimal(rate, "f", "funding rate"), at);
    }

    /** One entry of {@code GET /user/funding/history}. */
    ExtendedFundingPayment fundingPayment(JsonNode payment) {
        Instant paidAt = optionalInstant(payment, "paidTime");
        if (paidAt == null) {
            throw missing("paidTime", "funding payment");
        }
        String side = text(payment, "side", "funding payment");
        TradeSide positionSide = switch (side) {
            case "LONG" -> TradeSide.BUY;
            case "SHORT" -> TradeSide.SELL;
            default -> throw unreadable("funding payment side " + side);
        };
        return new ExtendedFundingPayment(id(payment, "id", "funding payment"),
                text(payment, "market", "funding payment"), id(payment, "positionId", "funding payment"),
                positionSide, decimal(payment, "size", "funding payment"),
                optionalDecimal(payment, "value").orElse(null), optionalDecimal(payment, "markPrice").orElse(null),
                decimal(payment, "fundingFee", "funding payment"), decimal(payment, "fundingRate", "funding payment"),
                paidAt);
    }

    /** The {@code data} of {@code GET /info/markets/{market}/orderbook}: {@code bid} and {@code ask} levels. */
    ExtendedOrderBook orderBook(String market, JsonNode book) {
        return new ExtendedOrderBook(market, levels(book.path("bid"), "order book bid"),
                levels(book.path("ask"), "order book ask"));
    }

    private List<ExtendedOrderBook.Level> levels(JsonNode side, String what) {
        return list(side, what).stream()
                .map(level -> new ExtendedOrderBook.Level(decimal(level, "price", what), decimal(level, "qty", what)))
                .toList();
    }

    /** The elements of a JSON list; an absent or null {@code data} is an empty list. */
    static List<JsonNode> list(JsonNode data, String what) {
        if (data.isMissingNode() || data.isNull()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw unreadable(what + " (not a list)");
        }
        List<JsonNode> items = new ArrayList<>(data.size());
        data.forEach(items::add);
        return items;
    }

    /** A market of {@code GET /info/markets}. */
    ExtendedMarket market(JsonNode market) {
        JsonNode trading = market.path("tradingConfig");
        JsonNode l2 = market.path("l2Config");
        return new ExtendedMarket(
                text(market, "name", "market"),
                decimal(trading, "minOrderSize", "tradingConfig"),
                decimal(trading, "minOrderSizeChange", "tradingConfig"),
                decimal(trading, "minPriceChange", "tradingConfig"),
                optionalText(l2, "syntheticId").orElse(null),
                l2.path("syntheticResolution").asLong(0),
                optionalText(l2, "collateralId").orElse(null),
                l2.path("collateralResolution").asLong(0));
    }

    /** A venue id as its decimal text, whether Extended wrote it as a JSON number or a string. */
    String id(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field, what);
        }
        if (!value.isIntegralNumber() && !value.isTextual()) {
            throw unreadable(what + "." + field + " " + value);
        }
        return value.asText();
    }

    private String text(JsonNode node, String field, String what) {
        return optionalText(node, field).orElseThrow(() -> missing(field, what));
    }

    /** A text field; absent, null or {@code ""} is empty. */
    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty()
                : Optional.of(value.asText());
    }

    private TradeSide side(JsonNode node, String what) {
        String side = text(node, "side", what);
        try {
            return TradeSide.valueOf(side);
        } catch (IllegalArgumentException e) {
            throw unreadable(what + " side " + side);
        }
    }

    private BigDecimal decimal(JsonNode node, String field, String what) {
        return optionalDecimal(node, field).orElseThrow(() -> missing(field, what));
    }

    /** A decimal from its string (or exact JSON number); absent, null or {@code ""} is empty. */
    private Optional<BigDecimal> optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        try {
            return Optional.of(new BigDecimal(value.asText()));
        } catch (NumberFormatException e) {
            throw unreadable(field + " " + value);
        }
    }

    private static Instant optionalInstant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToLong() ? Instant.ofEpochMilli(value.asLong()) : null;
    }

    private String raw(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write back a JSON tree", e);
        }
    }

    private static ExtendedUnavailableException missing(String field, String what) {
        return unreadable(what + " without " + field);
    }

    static ExtendedUnavailableException unreadable(String detail) {
        return new ExtendedUnavailableException(200, "Extended answered with an unreadable " + detail, null);
    }
}
