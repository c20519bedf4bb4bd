package io.tideline.pnl.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain Ethereum JSON-RPC over HTTP (JDK client, Jackson): the few calls the fallback poller makes, several in one
 * batch request where it can. An error answer names the method and the node's message.
 */
public final class EthRpc {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http;
    private final Duration timeout;

    public EthRpc(String endpoint, Duration timeout) {
        this.endpoint = URI.create(endpoint);
        this.timeout = timeout;
        // HTTP/1.1: an h2c upgrade request with a body is refused by some nodes (Hardhat answers 400).
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public long blockNumber() {
        return quantity(batch(List.of(call("eth_blockNumber"))).get(0)).longValueExact();
    }

    /** Block headers (number, hash, timestamp) of the given blocks, in one batch. */
    public List<BlockHeader> headers(List<Long> numbers) {
        List<ObjectNode> calls = new ArrayList<>();
        for (long n : numbers) {
            calls.add(call("eth_getBlockByNumber", hex(n), false));
        }
        List<BlockHeader> headers = new ArrayList<>();
        for (JsonNode block : batch(calls)) {
            if (block == null || block.isNull()) {
                throw new RpcException("eth_getBlockByNumber: the node has no such block", null);
            }
            headers.add(new BlockHeader(quantity(block.get("number")).longValueExact(), block.get("hash").asText(),
                    quantity(block.get("timestamp")).longValueExact()));
        }
        return headers;
    }

    /** {@code eth_getLogs} for several filters over one block range, in one batch; the logs of all, in order given. */
    public List<JsonNode> logs(long fromBlock, long toBlock, List<List<Object>> topicFilters) {
        List<ObjectNode> calls = new ArrayList<>();
        for (List<Object> topics : topicFilters) {
            ObjectNode filter = JSON.createObjectNode();
            filter.put("fromBlock", hex(fromBlock));
            filter.put("toBlock", hex(toBlock));
            filter.set("topics", JSON.valueToTree(topics));
            calls.add(call("eth_getLogs", filter));
        }
        List<JsonNode> logs = new ArrayList<>();
        for (JsonNode answer : batch(calls)) {
            answer.forEach(logs::add);
        }
        return logs;
    }

    /** The endpoint failed: unreachable, an HTTP error, an error answer, or an answer missing. */
    public static final class RpcException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RpcException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A block's number, hash and time (seconds since the epoch). */
    public record BlockHeader(long number, String hash, long timestamp) {
    }

    private ObjectNode call(String method, Object... params) {
        ObjectNode node = JSON.createObjectNode();
        node.put("jsonrpc", "2.0");
        node.put("method", method);
        ArrayNode array = node.putArray("params");
        for (Object p : params) {
            array.add(JSON.valueToTree(p));
        }
        return node;
    }

    private List<JsonNode> batch(List<ObjectNode> calls) {
        ArrayNode body = JSON.createArrayNode();
        for (int i = 0; i < calls.size(); i++) {
            body.add(calls.get(i).put("id", i));
        }
        JsonNode answer;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RpcException("JSON-RPC " + endpoint.getHost() + " answered HTTP "
                        + response.statusCode(), null);
            }
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RpcException("JSON-RPC " + endpoint.getHost() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted", e);
        }
        if (!answer.isArray()) {
            throw new RpcException("JSON-RPC batch answered with " + answer.getNodeType(), null);
        }
        Map<Integer, JsonNode> byId = new HashMap<>();
        for (JsonNode item : answer) {
            int id = item.path("id").asInt(-1);
            if (item.has("error")) {
                throw new RpcException(calls.get(Math.max(id, 0)).get("method").asText() + ": "
                        + item.get("error").path("message").asText(), null);
            }
            byId.put(id, item.get("result"));
        }
        List<JsonNode> results = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (!byId.containsKey(i)) {
                throw new RpcException("JSON-RPC batch: no answer to " + calls.get(i).get("method").asText(), null);
            }
            results.add(byId.get(i));
        }
        return results;
    }

    static String hex(long n) {
        return "0x" + Long.toHexString(n);
    }

    static BigInteger quantity(JsonNode node) {
        return new BigInteger(node.asText().substring(2), 16);
    }
}
