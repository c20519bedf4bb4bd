package io.tideline.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RpcClient's failures name the node by scheme, host and port: the API key in the configured URL never shows. */
class RpcClientUrlTest {

    private static final String KEY = "v2/sk_live_0123456789abcdef";

    @Test
    void anUnreachableNodeIsNamedByHostAndPortOnly() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (RpcClient rpc = new RpcClient("http://127.0.0.1:" + port + "/" + KEY, Duration.ofSeconds(2))) {
            RpcException e = catchThrowableOfType(rpc::blockNumber, RpcException.class);

            assertThat(e.unreachable()).isTrue();
            assertThat(e.getMessage()).contains("http://127.0.0.1:" + port).doesNotContain(KEY);
            assertThat(rpc.node()).isEqualTo("http://127.0.0.1:" + port);
        }
    }

    @Test
    void aRefusalThatRepeatsTheUrlIsToldWithoutIt() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"error\":\"unknown key in " + exchange.getRequestURI() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String node = "http://127.0.0.1:" + server.getAddress().getPort();
        try (RpcClient rpc = new RpcClient(node + "/" + KEY, Duration.ofSeconds(2))) {
            RpcException e = catchThrowableOfType(rpc::blockNumber, RpcException.class);

            assertThat(e.unreachable()).isTrue();
            assertThat(e.getMessage()).contains(node).doesNotContain(KEY).contains("withheld");
            assertThat(e.getCause()).isNull();
        } finally {
            server.stop(0);
        }
    }
}
