package io.tideline.extended;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tideline.events.EventJson;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The Extended (X10) perpetuals exchange over its REST API ({@code api.docs.extended.exchange}), for any service:
 * market rules and prices, signed orders (market IOC, post-only limits, replacement by {@code cancelId}),
 * cancellation, the account's orders, fills, positions and balance, and funding rates.
 *
 * <p>Blocking calls; failures are {@link ExtendedUnavailableException} (try again, or look the order up by its
 * external id) or {@link ExtendedRejectedException} (sending it again cannot succeed). Every order is signed by the
 * {@link OrderSigner} with the settings' fee limit, an expiry {@code orderExpiry} from now and a random nonce. A
 * market's rules ({@code GET /info/markets?market=}) are read once and kept. Extended's API is asynchronous: an order
 * id comes back before the order is visible through {@link #order}.
 */
public final class ExtendedClient {

    /** Extended accepts a nonce from 1 to 2^31. */
    private static final long LARGEST_NONCE = 1L << 31;
    private static final String SELF_TRADE_PROTECTION = "ACCOUNT";

    private final ExtendedSettings settings;
    private final OrderSigner signer;
    private final Clock clock;
    private final LongSupplier nonces;
    private final ExtendedRestClient rest;
    private final ExtendedJsonMapping mapping;
    private final ObjectMapper json;
    private final Map<String, ExtendedMarket> markets = new ConcurrentHashMap<>();

    /** @param userAgent names the calling service, e.g. {@code tideline-settlement} */
    public ExtendedClient(ExtendedSettings settings, OrderSigner signer, String userAgent) {
        this(settings, signer, userAgent, Clock.systemUTC(), randomNonces());
    }

    /** With a fixed clock (order expiry) and nonce source, so a test can pin the request body. */
    public ExtendedClient(ExtendedSettings settings, OrderSigner signer, String userAgent, Clock clock,
                          LongSupplier nonces) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        // exact numbers (no double), and BigDecimal written back in plain notation in the kept raw JSON
        this.json = EventJson.configure(JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build());
        this.rest = new ExtendedRestClient(settings, json, userAgent);
        this.mapping = new ExtendedJsonMapping(json);
    }

    public ExtendedSettings settings() {
        return settings;
    }

    // --- markets -------------------------------------------------------------------------------------------------

    /** The market's trading rules and settlement assets, read once and kept. */
    public ExtendedMarket market(String name) {
        ExtendedMarket known = markets.get(name);
        if (known != null) {
            return known;
        }
        JsonNode data = rest.get("/info/markets?market=" + ExtendedRestClient.encode(name));
        ExtendedMarket market = ExtendedJsonMapping.list(data, "markets").stream()
                .filter(node -> name.equals(node.path("name").asText()))
                .findFirst()
                .map(mapping::market)
                .orElseThrow(() -> ExtendedJsonMapping.unreadable("market list without " + name));
        markets.put(name, market);
        return market;
    }

    /** Best bid and ask, mark, index and last price and the current funding rate. */
    public ExtendedMarketStats marketStats(String market) {
        return mapping.stats(market, rest.get("/info/markets/" + ExtendedRestClient.encode(market) + "/stats"));
    }

    /** The market's order book. */
    public ExtendedOrderBook orderBook(String market) {
        return mapping.orderBook(market,
                rest.get("/info/markets/" + ExtendedRestClient.encode(market) + "/orderbook"));
    }

    /** The funding rates the market applied between {@code from} and {@code to}, as Extended lists them. */
    public List<ExtendedFundingRate> fundingRates(String market, Instant from, Instant to) {
        JsonNode data = rest.get("/info/" + ExtendedRestClient.encode(market) + "/funding?startTime="
                + from.toEpochMilli() + "&endTime=" + to.toEpochMilli());
        return ExtendedJsonMapping.list(data, "funding rates").stream().map(mapping::fundingRate).toList();
    }

    // --- orders --------------------------------------------------------------------------------------------------

    /**
     * A market order: MARKET/IOC priced at the best bid (sell) or ask (buy) moved by the settings' slippage and
     * rounded to the price step ({@link ExtendedMarketOrderPrice}). A quantity the market cannot take is refused
     * before the book is read or anything is sent.
     */
    public ExtendedPlacedOrder placeMarketOrder(String externalId, String market, TradeSide side,
                                                BigDecimal quantity, boolean reduceOnly) {
        ExtendedMarket rules = market(market);
        requireAccepted(rules, quantity);
        BigDecimal price = ExtendedMarketOrderPrice.of(side, marketStats(market), settings.marketOrderSlippage(),
                rules);
        return placeOrder(ExtendedOrderRequest.market(externalId, market, side, quantity, price, reduceOnly));
    }

    /**
     * Signs and sends {@code request} ({@code POST /user/order}). A quantity or price the market cannot take is
     * refused before anything is sent ({@link ExtendedRejectedException} with code {@code INVALID_QUANTITY} or
     * {@code INVALID_PRICE}, HTTP status 0).
     */
    public ExtendedPlacedOrder placeOrder(ExtendedOrderRequest request) {
        ExtendedMarket market = market(request.market());
        requireAccepted(market, request.quantity());
        if (!market.acceptsPrice(request.price())) {
            throw new ExtendedRejectedException(0, "INVALID_PRICE", "price " + request.price().toPlainString()
                    + " is not accepted by " + market.name() + ": steps of "
                    + market.minPriceChange().toPlainString());
        }
        SignableOrder signable = new SignableOrder(market, request.side(), request.quantity(), request.price(),
                settings.maxFeeRate(), nonces.getAsLong(), clock.instant().plus(settings.orderExpiry()));
        OrderSettlement settlement = signer.sign(signable);
        JsonNode placed = rest.post("/user/order", orderBody(request, signable, settlement));
        return new ExtendedPlacedOrder(mapping.id(placed, "id", "placed order"),
                placed.path("externalId").asText(request.externalId()));
    }

    /** Cancels an open order by Extended's id ({@code DELETE /user/order/{id}}). */
    public void cancelOrder(String orderId) {
        rest.delete("/user/order/" + ExtendedRestClient.encode(orderId));
    }

    /** The order under Extended's id, or empty when Extended answers 404 (unknown, or not visible yet). */
    public Optional<ExtendedOrderState> order(String orderId) {
        return rest.getUnlessNotFound("/user/orders/" + ExtendedRestClient.encode(orderId))
                .filter(data -> !data.isMissingNode() && !data.isNull())
                .map(mapping::order);
    }

    /** The orders sent under {@code externalId}; a 404 is an empty list. */
    public List<ExtendedOrderState> ordersByExternalId(String externalId) {
        return rest.getUnlessNotFound("/user/orders/external/" + ExtendedRestClient.encode(externalId))
                .map(data -> ExtendedJsonMapping.list(data, "orders by external id").stream()
                        .map(mapping::order).toList())
                .orElse(List.of());
    }

    /** The account's open orders in {@code market} ({@code GET /user/orders?market=}). */
    public List<ExtendedOrderState> openOrders(String market) {
        JsonNode data = rest.get("/user/orders?market=" + ExtendedRestClient.encode(market));
        return ExtendedJsonMapping.list(data, "open orders").stream().map(mapping::order).toList();
    }

    // --- account -------------------------------------------------------------------------------------------------

    /** The account's latest {@code limit} fills in {@code market}, newest first. */
    public List<ExtendedTrade> trades(String market, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        JsonNode data = rest.get("/user/trades?market=" + ExtendedRestClient.encode(market) + "&limit=" + limit);
        return ExtendedJsonMapping.list(data, "trades").stream().map(mapping::trade).toList();
    }

    /** The account's open position in {@code market}; empty when flat. */
    public Optional<ExtendedPosition> position(String market) {
        JsonNode data = rest.get("/user/positions?market=" + ExtendedRestClient.encode(market));
        return ExtendedJsonMapping.list(data, "positions").stream()
                .filter(position -> market.equals(position.path("market").asText()))
                .map(mapping::position)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The account's collateral; empty when Extended answers 404 (an account without a balance yet). */
    public Optional<ExtendedBalance> balance() {
        return rest.getUnlessNotFound("/user/balance")
                .filter(data -> !data.isMissingNode() && !data.isNull())
                .map(mapping::balance);
    }

    /**
     * The account's funding payments in {@code market} paid at or after {@code from}
     * ({@code GET /user/funding/history?market=&fromTime=}), in the order Extended lists them. Extended answers at
     * most 10,000 records per call; a caller reads again from the latest {@code paidAt} it saw.
     */
    public List<ExtendedFundingPayment> fundingPayments(String market, Instant from) {
        JsonNode data = rest.get("/user/funding/history?market=" + ExtendedRestClient.encode(market) + "&fromTime="
                + from.toEpochMilli());
        return ExtendedJsonMapping.list(data, "funding payments").stream().map(mapping::fundingPayment).toList();
    }

    private static void requireAccepted(ExtendedMarket market, BigDecimal quantity) {
        if (!market.acceptsQuantity(quantity)) {
            // refused here, before anything is sent: the same order can never be accepted, so it is a rejection
            throw new ExtendedRejectedException(0, "INVALID_QUANTITY", "quantity " + quantity.toPlainString()
                    + " is not accepted by " + market.name() + ": at least " + market.minOrderSize().toPlainString()
                    + " in steps of " + market.minOrderSizeChange().toPlainString());
        }
    }

    private ObjectNode orderBody(ExtendedOrderRequest request, SignableOrder order, OrderSettlement settlement) {
        ObjectNode body = json.createObjectNode()
                .put("id", request.externalId())
                .put("market", request.market())
                .put("type", request.type().name())
                .put("side", request.side().name())
                .put("qty", order.quantity().toPlainString())
                .put("price", order.price().toPlainString())
                .put("timeInForce", request.timeInForce().name())
                .put("expiryEpochMillis", order.expiresAt().toEpochMilli())
                .put("fee", order.maxFeeRate().toPlainString())
                .put("nonce", Long.toString(order.nonce()))
                .put("reduceOnly", request.reduceOnly())
                .put("postOnly", request.postOnly())
                .put("selfTradeProtectionLevel", SELF_TRADE_PROTECTION);
        if (request.cancelId() != null) {
            body.put("cancelId", request.cancelId());
        }
        ObjectNode settlementNode = body.putObject("settlement");
        settlementNode.putObject("signature")
                .put("r", settlement.signatureR())
                .put("s", settlement.signatureS());
        settlementNode.put("starkKey", settlement.starkKey())
                .put("collateralPosition", settlement.collateralPosition());
        return body;
    }

    private static LongSupplier randomNonces() {
        SecureRandom random = new SecureRandom();
        return () -> 1 + random.nextLong(LARGEST_NONCE);
    }
}
