package io.tideline.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A JSON-RPC endpoint on a local port that answers each request (single or batched) with what {@code answer} makes of
 * it (a {@code result}, or a whole {@code error} object when it returns one with an "error" field), and keeps every
 * HTTP body it received.
 */
final class FakeNode implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    FakeNode(Function<JsonNode, JsonNode> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            received.add(body);
            JsonNode reply;
            if (body.isArray()) {
                ArrayNode all = JSON.createArrayNode();
                body.forEach(request -> all.add(reply(request, answer)));
                reply = all;
            } else {
                reply = reply(body, answer);
            }
            byte[] bytes = JSON.writeValueAsBytes(reply);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** The node's URL, with a path standing for an API key. */
    String url(String keyPath) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + keyPath;
    }

    String hostOnly() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The HTTP bodies received so far: a batch is one array. */
    List<JsonNode> received() {
        return received;
    }

    private static ObjectNode reply(JsonNode request, Function<JsonNode, JsonNode> answer) {
        ObjectNode out = JSON.createObjectNode().put("jsonrpc", "2.0");
        out.set("id", request.get("id"));
        JsonNode result = answer.apply(request);
        if (result != null && result.has("error")) {
            out.set("error", result.get("error"));
        } else {
            out.set("result", result);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
