package io.tideline.gateway.route;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An upstream that takes requests and never answers: the call fails as timed out (the gateway's 504) after the
 * upstream timeout, a GET is sent again as many times as retries allow, a POST once, and the breaker opens after
 * enough of them. A real HTTP server on loopback and the real client; no thread of the caller waits meanwhile.
 */
class UpstreamTimeoutTest {

    private static final long TIMEOUT_MS = 300;
    private static final int RETRIES = 2;

    private static Vertx vertx;
    private static HttpServer silent;
    private static final AtomicInteger received = new AtomicInteger();

    @BeforeAll
    static void startSilentUpstream() throws Exception {
        vertx = Vertx.vertx();
        silent = vertx.createHttpServer().requestHandler(request -> received.incrementAndGet())
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aGetThatIsNeverAnsweredTimesOutAfterItsRetriesAndAPostIsSentOnce() {
        Upstream upstream = upstream("slow-get");
        UpstreamCalls calls = new UpstreamCalls(config(upstream, 100), new RouteTable(List.of(upstream)));
        try {
            received.set(0);
            assertThatThrownBy(() -> calls.callAsync(upstream, request("GET")).toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(UpstreamUnavailableException.class, e -> {
                        assertThat(e.timedOut()).isTrue();
                        assertThat(e.upstream()).isEqualTo("slow-get");
                        assertThat(e.getMessage()).isEqualTo("slow-get did not answer within " + TIMEOUT_MS + " ms");
                    });
            assertThat(received.get()).isEqualTo(1 + RETRIES);

            received.set(0);
            assertThatThrownBy(() -> calls.call(upstream, request("POST")))
                    .isInstanceOfSatisfying(UpstreamUnavailableException.class, e -> assertThat(e.timedOut()).isTrue());
            assertThat(received.get()).isEqualTo(1);
        } finally {
            calls.close();
        }
    }

    @Test
    void timeoutsOpenTheBreakerAndThenTheUpstreamIsNotCalledAtAll() {
        Upstream upstream = upstream("slow-breaker");
        UpstreamCalls calls = new UpstreamCalls(config(upstream, 2), new RouteTable(List.of(upstream)));
        try {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> calls.call(upstream, request("POST")))
                        .isInstanceOfSatisfying(UpstreamUnavailableException.class,
                                e -> assertThat(e.timedOut()).isTrue());
            }
            received.set(0);
            assertThatThrownBy(() -> calls.call(upstream, request("POST")))
                    .isInstanceOfSatisfying(UpstreamUnavailableException.class, e -> {
                        assertThat(e.timedOut()).isFalse();
                        assertThat(e.getMessage()).contains("failed repeatedly");
                    });
            assertThat(received.get()).isZero();
        } finally {
            calls.close();
        }
    }

    private static Upstream upstream(String name) {
        return new Upstream(name, URI.create("http://127.0.0.1:" + silent.actualPort()), List.of(name));
    }

    private static UpstreamRequest request(String method) {
        return new UpstreamRequest(method, "/api/v1/x", Map.of(), method.equals("GET") ? null : new byte[] {1, 2});
    }

    private static GatewayConfig config(Upstream upstream, int breakerWindow) {
        return new GatewayConfig() {
            @Override
            public Map<String, UpstreamConfig> upstreams() {
                return Map.of();
            }

            @Override
            public Duration upstreamTimeout() {
                return Duration.ofMillis(TIMEOUT_MS);
            }

            @Override
            public Duration upstreamConnectTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public int upstreamRetries() {
                return RETRIES;
            }

            @Override
            public Breaker breaker() {
                return new Breaker() {
                    @Override
                    public int window() {
                        return breakerWindow;
                    }

                    @Override
                    public double failureRatio() {
                        return 1.0;
                    }

                    @Override
                    public Duration delay() {
                        return Duration.ofMinutes(1);
                    }
                };
            }
        };
    }
}
