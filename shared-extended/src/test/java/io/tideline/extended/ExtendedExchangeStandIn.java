package io.tideline.extended;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock stand-in for the Extended exchange with state, answering in Extended's documented formats
 * ({@code {status, data, error}} envelopes; orders, trades, positions and stats as x10xchange/python_sdk's models):
 * markets with a best bid and ask, post-only GTT limit orders that rest or end REJECTED with {@code POST_ONLY_FAILED}
 * when they would cross, replacement by {@code cancelId} (the replaced order's external id), cancellation, lookups by
 * external id, open orders, the account's long position and trades. Orders are taken when the request arrives, before
 * an optional answer delay (a client killed while waiting has still placed its order).
 *
 * <p>Extended's documentation does not say that it refuses a second order under an external id it knows; this stand-in
 * assumes the worst and takes it as another order, so that a test counting create requests per external id proves the
 * caller never sends one twice. Its error codes are its own words ({@code NOT_FOUND}, {@code UNAUTHORIZED}): Extended
 * documents the envelope, not the codes of these cases.
 *
 * <p>Shared through this module's test-jar (settlement's tests take it with {@code <type>test-jar</type>}).
 */
public final class ExtendedExchangeStandIn implements AutoCloseable {

    public static final String API = "/api/v1";
    public static final String API_KEY = "stand-in-api-key";
    public static final String STAND_IN_KEY = "settlement-stand-in";
    public static final long VAULT = 7;
    /** Extended's ids reach 2^63: these start above 2^60, far beyond a double's exact range. */
    private static final long FIRST_ID = 1_500_000_000_000_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final AtomicLong ids = new AtomicLong(FIRST_ID);
    private final Map<String, BigDecimal[]> books = new HashMap<>();
    private final Map<String, BigDecimal> positions = new HashMap<>();
    private final List<ObjectNode> orders = new ArrayList<>();
    private final List<ObjectNode> trades = new ArrayList<>();
    private final List<JsonNode> createRequests = new ArrayList<>();
    private volatile long orderAnswerDelayMillis;

    private ExtendedExchangeStandIn() {
        server = new WireMockServer(options().dynamicPort().extensions(new Exchange()));
        server.start();
        server.stubFor(any(urlMatching(API + "/.*")).willReturn(aResponse().withStatus(200)));
    }

    public static ExtendedExchangeStandIn start() {
        return new ExtendedExchangeStandIn();
    }

    /** The base URL a client is given, e.g. {@code http://localhost:1234/api/v1}. */
    public String baseUrl() {
        return server.baseUrl() + API;
    }

    /** A client of this stand-in, as a service builds one with the stand-in signer, under the service's user agent. */
    public ExtendedClient client(String userAgent) {
        ExtendedSettings settings = new ExtendedSettings(URI.create(baseUrl()), API_KEY, Duration.ofSeconds(5),
                BigDecimal.ZERO, new BigDecimal("0.0005"), Duration.ofDays(30));
        return new ExtendedClient(settings, new StandInOrderSigner(STAND_IN_KEY.getBytes(StandardCharsets.UTF_8),
                VAULT), userAgent);
    }

    /** Lists a market (size step 0.001, price step 0.01) with its best bid and ask. */
    public synchronized void book(String market, String bid, String ask) {
        books.put(market, new BigDecimal[] {new BigDecimal(bid), new BigDecimal(ask)});
    }

    /** The account's long position in a market (0 = flat). */
    public synchronized void position(String market, String size) {
        positions.put(market, new BigDecimal(size));
    }

    /** Holds every answer to {@code POST /user/order} this long, after the order was taken. */
    public void delayOrderAnswers(Duration delay) {
        orderAnswerDelayMillis = delay.toMillis();
    }

    /** Fills a resting order in full at its limit (a maker fill): a trade, the position reduced. */
    public synchronized void fill(String externalId) {
        ObjectNode o = orders.stream().filter(n -> externalId.equals(n.get("externalId").asText())
                && isOpen(n)).findFirst().orElseThrow(() -> new IllegalArgumentException("no open " + externalId));
        BigDecimal qty = new BigDecimal(o.get("qty").asText());
        BigDecimal price = new BigDecimal(o.get("price").asText());
        long now = System.currentTimeMillis();
        o.put("status", "FILLED").put("filledQty", qty.toPlainString()).put("averagePrice", price.toPlainString())
                .put("payedFee", "0").put("updatedTime", now);
        ObjectNode t = JSON.createObjectNode();
        t.put("id", ids.incrementAndGet()).put("accountId", 3017).put("market", o.get("market").asText())
                .put("orderId", o.get("id").asLong()).put("side", o.get("side").asText())
                .put("price", price.toPlainString()).put("qty", qty.toPlainString())
                .put("value", qty.multiply(price).toPlainString()).put("fee", "0").put("isTaker", false)
                .put("tradeType", "TRADE").put("createdTime", now);
        trades.add(0, t);
        String market = o.get("market").asText();
        positions.merge(market, "SELL".equals(o.get("side").asText()) ? qty.negate() : qty, BigDecimal::add);
    }

    /** Every order the stand-in holds, as Extended would list them. */
    public synchronized List<JsonNode> orders() {
        return orders.stream().<JsonNode>map(ObjectNode::deepCopy).toList();
    }

    /** The {@code POST /user/order} requests received under this external id. */
    public int createRequests(String externalId) {
        return (int) createRequestBodies().stream().filter(b -> externalId.equals(b.path("id").asText())).count();
    }

    /**
     * The bodies of every {@code POST /user/order} received, in order; kept as each arrives (before any answer delay),
     * so a request whose sender was killed while waiting is counted too.
     */
    public synchronized List<JsonNode> createRequestBodies() {
        return List.copyOf(createRequests);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isOpen(JsonNode o) {
        String status = o.get("status").asText();
        return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
    }

    /** Answers every request from the stand-in's state. */
    private final class Exchange implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "extended-exchange-stand-in";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String path = URI.create(request.getUrl()).getPath().substring(API.length());
            Map<String, String> query = query(URI.create(request.getUrl()).getRawQuery());
            if (!API_KEY.equals(request.getHeader("X-Api-Key"))) {
                return error(401, "UNAUTHORIZED", "Unauthorized").build();
            }
            synchronized (ExtendedExchangeStandIn.this) {
                String method = request.getMethod().getName();
                if ("POST".equals(method) && path.equals("/user/order")) {
                    createRequests.add(read(request.getBodyAsString()));
                    return ok(place(read(request.getBodyAsString()))).withFixedDelay((int) orderAnswerDelayMillis)
                            .build();
                }
                if ("DELETE".equals(method) && path.startsWith("/user/order/")) {
                    return cancel(path.substring("/user/order/".length())).build();
                }
                if (path.equals("/info/markets")) {
                    return market(query.get("market")).build();
                }
                if (path.startsWith("/info/markets/") && path.endsWith("/stats")) {
                    return stats(path.substring("/info/markets/".length(), path.length() - "/stats".length()))
                            .build();
                }
                if (path.startsWith("/user/orders/external/")) {
                    String id = path.substring("/user/orders/external/".length());
                    return ok(array(orders.stream().filter(o -> id.equals(o.get("externalId").asText())).toList()))
                            .build();
                }
                if (path.startsWith("/user/orders/")) {
                    String id = path.substring("/user/orders/".length());
                    return orders.stream().filter(o -> id.equals(o.get("id").asText())).findFirst()
                            .map(o -> ok(o.deepCopy())).orElse(error(404, "NOT_FOUND", "Order not found")).build();
                }
                if (path.equals("/user/orders")) {
                    String market = query.get("market");
                    return ok(array(orders.stream().filter(o -> isOpen(o)
                            && (market == null || market.equals(o.get("market").asText()))).toList())).build();
                }
                if (path.equals("/user/trades")) {
                    String market = query.get("market");
                    int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
                    return ok(array(trades.stream().filter(t -> market.equals(t.get("market").asText()))
                            .limit(limit).toList())).build();
                }
                if (path.equals("/user/positions")) {
                    return positions(query.get("market")).build();
                }
                return error(404, "NOT_FOUND", "no such endpoint in the stand-in: " + path).build();
            }
        }

        private ObjectNode place(JsonNode body) {
            String market = body.get("market").asText();
            String side = body.get("side").asText();
            BigDecimal price = new BigDecimal(body.get("price").asText());
            long now = System.currentTimeMillis();
            ObjectNode o = JSON.createObjectNode();
            o.put("id", ids.incrementAndGet()).put("accountId", 3017).put("externalId", body.get("id").asText())
                    .put("market", market).put("type", body.get("type").asText()).put("side", side)
                    .put("status", "NEW").put("price", price.toPlainString()).put("qty", body.get("qty").asText())
                    .put("filledQty", "0").put("reduceOnly", body.path("reduceOnly").asBoolean())
                    .put("postOnly", body.path("postOnly").asBoolean()).put("payedFee", "0")
                    .put("createdTime", now).put("updatedTime", now)
                    .put("expiryTime", body.path("expiryEpochMillis").asLong());
            BigDecimal[] book = books.get(market);
            boolean crosses = book != null && ("SELL".equals(side) ? price.compareTo(book[0]) <= 0
                    : price.compareTo(book[1]) >= 0);
            String cancelId = body.hasNonNull("cancelId") ? body.get("cancelId").asText() : null;
            ObjectNode replaced = cancelId == null ? null : orders.stream()
                    .filter(x -> cancelId.equals(x.get("externalId").asText()) && isOpen(x)).findFirst().orElse(null);
            if (body.path("postOnly").asBoolean() && crosses) {
                o.put("status", "REJECTED").put("statusReason", "POST_ONLY_FAILED");
            } else if (cancelId != null && replaced == null) {
                o.put("status", "REJECTED").put("statusReason", "PREV_ORDER_NOT_FOUND");
            } else if (replaced != null) {
                replaced.put("status", "CANCELLED").put("statusReason", "ORDER_REPLACED").put("updatedTime", now);
            }
            orders.add(o);
            ObjectNode placed = JSON.createObjectNode();
            placed.put("id", o.get("id").asLong()).put("externalId", o.get("externalId").asText());
            return placed;
        }

        private ResponseDefinitionBuilder cancel(String id) {
            ObjectNode o = orders.stream().filter(x -> id.equals(x.get("id").asText())).findFirst().orElse(null);
            if (o == null || !isOpen(o)) {
                return error(400, "NOT_FOUND", "Order not found or not open: " + id);
            }
            o.put("status", "CANCELLED").put("updatedTime", System.currentTimeMillis());
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"status\":\"OK\"}");
        }

        private ResponseDefinitionBuilder market(String name) {
            if (!books.containsKey(name)) {
                return ok(JSON.createArrayNode());
            }
            ObjectNode m = JSON.createObjectNode();
            m.put("name", name).put("active", true).put("status", "ACTIVE");
            m.putObject("tradingConfig").put("minOrderSize", "0.001").put("minOrderSizeChange", "0.001")
                    .put("minPriceChange", "0.01");
            m.putObject("l2Config").put("type", "STARKX").put("collateralId", "0x1")
                    .put("collateralResolution", 1_000_000).put("syntheticId", "0x4554482d3400000000000000000000")
                    .put("syntheticResolution", 1_000);
            return ok(JSON.createArrayNode().add(m));
        }

        private ResponseDefinitionBuilder stats(String market) {
            BigDecimal[] book = books.get(market);
            if (book == null) {
                return error(404, "NOT_FOUND", "Market not found");
            }
            ObjectNode s = JSON.createObjectNode();
            s.put("bidPrice", book[0].toPlainString()).put("askPrice", book[1].toPlainString())
                    .put("markPrice", book[0].add(book[1]).divide(new BigDecimal(2)).toPlainString())
                    .put("lastPrice", book[0].toPlainString()).put("fundingRate", "0.00001");
            return ok(s);
        }

        private ResponseDefinitionBuilder positions(String market) {
            BigDecimal size = positions.getOrDefault(market, BigDecimal.ZERO);
            ArrayNode list = JSON.createArrayNode();
            if (size.signum() != 0) {
                BigDecimal[] book = books.get(market);
                list.addObject().put("id", 1).put("accountId", 3017).put("market", market)
                        .put("side", size.signum() > 0 ? "LONG" : "SHORT").put("leverage", "1")
                        .put("size", size.abs().toPlainString())
                        .put("openPrice", book == null ? "1" : book[0].toPlainString())
                        .put("markPrice", book == null ? "1" : book[0].toPlainString());
            }
            return ok(list);
        }

        private ArrayNode array(List<ObjectNode> items) {
            ArrayNode list = JSON.createArrayNode();
            items.forEach(i -> list.add(i.deepCopy()));
            return list;
        }

        private ResponseDefinitionBuilder ok(JsonNode data) {
            ObjectNode envelope = JSON.createObjectNode().put("status", "OK");
            envelope.set("data", data);
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(envelope.toString());
        }

        private ResponseDefinitionBuilder error(int status, String code, String message) {
            ObjectNode envelope = JSON.createObjectNode().put("status", "ERROR");
            envelope.putObject("error").put("code", code).put("message", message);
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(envelope.toString());
        }

        private Map<String, String> query(String raw) {
            Map<String, String> q = new HashMap<>();
            if (raw != null) {
                for (String part : raw.split("&")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        q.put(java.net.URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                                java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return q;
        }
    }
}
