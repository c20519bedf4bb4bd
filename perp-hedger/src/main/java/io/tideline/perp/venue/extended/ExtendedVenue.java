package io.tideline.perp.venue.extended;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tideline.events.EventJson;
import io.tideline.perp.venue.MarketOrderRequest;
import io.tideline.perp.venue.MarketStats;
import io.tideline.perp.venue.PerpVenue;
import io.tideline.perp.venue.PlacedOrder;
import io.tideline.perp.venue.VenueOrder;
import io.tideline.perp.venue.VenuePosition;
import io.tideline.perp.venue.VenueRejectedException;
import io.tideline.perp.venue.VenueTrade;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The Extended (X10) perpetuals exchange over its REST API ({@code api.docs.extended.exchange}).
 *
 * <p>A market order is a MARKET/IOC order priced at the best bid (sell) or ask (buy) moved by the configured slippage
 * and rounded to the market's price step ({@link ExtendedMarketOrderPrice}), signed by the {@link OrderSigner}. The
 * market's trading rules ({@code GET /info/markets?market=}) are read once per market and kept. Extended's API is
 * asynchronous: the id returned by {@link #placeMarketOrder} may not be visible through {@link #order} for a while
 * (see {@link io.tideline.perp.venue.OrderConfirmation}).
 */
public final class ExtendedVenue implements PerpVenue {

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

    public ExtendedVenue(ExtendedSettings settings, OrderSigner signer) {
        this(settings, signer, Clock.systemUTC(), randomNonces());
    }

    /** With a fixed clock (order expiry) and nonce source, so a test can pin the request body. */
    ExtendedVenue(ExtendedSettings settings, OrderSigner signer, Clock clock, LongSupplier nonces) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        // exact numbers (no double), and BigDecimal written back in plain notation in the kept raw JSON
        this.json = EventJson.configure(JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build());
        this.rest = new ExtendedRestClient(settings, json);
        this.mapping = new ExtendedJsonMapping(json);
    }

    @Override
    public String name() {
        return "extended";
    }

    @Override
    public PlacedOrder placeMarketOrder(MarketOrderRequest request) {
        ExtendedMarket market = market(request.market());
        if (!market.acceptsQuantity(request.quantity())) {
            // refused here, before anything is sent: the same order can never be accepted, so it is a rejection
            throw new VenueRejectedException(0, "INVALID_QUANTITY", "quantity " + request.quantity().toPlainString()
                    + " is not accepted by " + market.name() + ": at least " + market.minOrderSize().toPlainString()
                    + " in steps of " + market.minOrderSizeChange().toPlainString());
        }
        BigDecimal price = ExtendedMarketOrderPrice.of(request.side(), marketStats(request.market()),
                settings.marketOrderSlippage(), market);
        Instant expiresAt = clock.instant().plus(settings.orderExpiry());
        long nonce = nonces.getAsLong();
        SignableOrder signable = new SignableOrder(market, request.side(), request.quantity(), price,
                settings.maxFeeRate(), nonce, expiresAt);
        OrderSettlement settlement = signer.sign(signable);

        JsonNode placed = rest.post("/user/order", orderBody(request, signable, settlement));
        String externalId = placed.path("externalId").asText(request.externalId());
        return new PlacedOrder(mapping.id(placed, "id", "placed order"), externalId);
    }

    @Override
    public Optional<VenueOrder> order(String orderId) {
        return rest.getUnlessNotFound("/user/orders/" + ExtendedRestClient.encode(orderId))
                .filter(data -> !data.isMissingNode() && !data.isNull())
                .map(mapping::order);
    }

    /** {@inheritDoc} A 404 (no order under that id) is an empty list. */
    @Override
    public List<VenueOrder> ordersByExternalId(String externalId) {
        return rest.getUnlessNotFound("/user/orders/external/" + ExtendedRestClient.encode(externalId))
                .map(data -> list(data, "orders by external id").stream().map(mapping::order).toList())
                .orElse(List.of());
    }

    @Override
    public List<VenueTrade> recentTrades(String market, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        JsonNode data = rest.get("/user/trades?market=" + ExtendedRestClient.encode(market) + "&limit=" + limit);
        return list(data, "trades").stream().map(mapping::trade).toList();
    }

    @Override
    public Optional<VenuePosition> position(String market) {
        JsonNode data = rest.get("/user/positions?market=" + ExtendedRestClient.encode(market));
        return list(data, "positions").stream()
                .filter(position -> market.equals(position.path("market").asText()))
                .map(mapping::position)
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    public MarketStats marketStats(String market) {
        return mapping.stats(market, rest.get("/info/markets/" + ExtendedRestClient.encode(market) + "/stats"));
    }

    /** The market's trading rules and settlement assets, read once and kept. */
    ExtendedMarket market(String name) {
        ExtendedMarket known = markets.get(name);
        if (known != null) {
            return known;
        }
        JsonNode data = rest.get("/info/markets?market=" + ExtendedRestClient.encode(name));
        ExtendedMarket market = list(data, "markets").stream()
                .filter(node -> name.equals(node.path("name").asText()))
                .findFirst()
                .map(mapping::market)
                .orElseThrow(() -> ExtendedJsonMapping.unreadable("market list without " + name));
        markets.put(name, market);
        return market;
    }

    private ObjectNode orderBody(MarketOrderRequest request, SignableOrder order, OrderSettlement settlement) {
        ObjectNode body = json.createObjectNode()
                .put("id", request.externalId())
                .put("market", request.market())
                .put("type", "MARKET")
                .put("side", request.side().name())
                .put("qty", order.quantity().toPlainString())
                .put("price", order.price().toPlainString())
                .put("timeInForce", "IOC")
                .put("expiryEpochMillis", order.expiresAt().toEpochMilli())
                .put("fee", order.maxFeeRate().toPlainString())
                .put("nonce", Long.toString(order.nonce()))
                .put("reduceOnly", request.reduceOnly())
                .put("postOnly", false)
                .put("selfTradeProtectionLevel", SELF_TRADE_PROTECTION);
        ObjectNode settlementNode = body.putObject("settlement");
        settlementNode.putObject("signature")
                .put("r", settlement.signatureR())
                .put("s", settlement.signatureS());
        settlementNode.put("starkKey", settlement.starkKey())
                .put("collateralPosition", settlement.collateralPosition());
        return body;
    }

    private static List<JsonNode> list(JsonNode data, String what) {
        if (data.isMissingNode() || data.isNull()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw ExtendedJsonMapping.unreadable(what + " (not a list)");
        }
        List<JsonNode> items = new ArrayList<>(data.size());
        data.forEach(items::add);
        return items;
    }

    private static LongSupplier randomNonces() {
        SecureRandom random = new SecureRandom();
        return () -> 1 + random.nextLong(LARGEST_NONCE);
    }
}
