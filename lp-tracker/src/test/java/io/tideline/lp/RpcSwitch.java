package io.tideline.lp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One JSON-RPC URL in front of whichever node a test points it at: what a service sees when the chain behind its
 * configured URL is replaced (a restarted local chain on the same port). Forwards each POST body, whatever the path.
 */
final class RpcSwitch implements AutoCloseable {

    /** HTTP/1.1: Hardhat answers the JDK's default cleartext HTTP/2 upgrade with a 400. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final HttpServer server;
    private volatile URI target;

    RpcSwitch(String target) {
        this.target = URI.create(target);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the RPC switch", e);
        }
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] request = in.readAllBytes();
                byte[] answer;
                int status;
                try {
                    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(this.target)
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    status = response.statusCode();
                    answer = response.body();
                } catch (IOException e) {
                    status = 502;
                    answer = new byte[0];
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    status = 502;
                    answer = new byte[0];
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:port} of the switch. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void pointAt(String target) {
        this.target = URI.create(target);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
