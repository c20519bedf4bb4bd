package io.tideline.gateway.route;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Calls the upstreams through the JAX-RS client of Quarkus REST Client, each under SmallRye Fault Tolerance: a
 * timeout and a circuit breaker of its own per upstream, and, for GET and HEAD only, retries after a connection
 * failure or a timeout. An upstream's own answers, 5xx included, are passed on as they are; only not answering counts
 * against its breaker.
 */
@ApplicationScoped
public class UpstreamCalls {

    private static final Logger LOG = Logger.getLogger(UpstreamCalls.class);

    private final Client client;
    private final Map<String, Guard> breakers = new LinkedHashMap<>();
    private final Guard retries;
    private final long timeoutMillis;

    public UpstreamCalls(GatewayConfig config, RouteTable routes) {
        this.timeoutMillis = config.upstreamTimeout().toMillis();
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(config.upstreamConnectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis + 1_000, TimeUnit.MILLISECONDS)
                .build();
        GatewayConfig.Breaker breaker = config.breaker();
        for (Upstream upstream : routes.upstreams()) {
            breakers.put(upstream.name(), Guard.create()
                    .withDescription("upstream " + upstream.name())
                    .withCircuitBreaker()
                    .requestVolumeThreshold(breaker.window())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .failOn(List.of(Unreachable.class, TimeoutException.class))
                    .onStateChange(state -> logBreaker(upstream.name(), state))
                    .done()
                    .withTimeout().duration(timeoutMillis, ChronoUnit.MILLIS).done()
                    .build());
        }
        this.retries = Guard.create()
                .withDescription("idempotent upstream calls")
                .withRetry()
                .maxRetries(config.upstreamRetries())
                .delay(50, ChronoUnit.MILLIS)
                .jitter(25, ChronoUnit.MILLIS)
                .retryOn(List.of(Unreachable.class, TimeoutException.class))
                .abortOn(CircuitBreakerOpenException.class)
                .done()
                .build();
    }

    /** Sends the request to the upstream and returns its answer, or throws naming the upstream that did not answer. */
    public UpstreamAnswer call(Upstream upstream, UpstreamRequest request) {
        Guard breaker = breakers.get(upstream.name());
        Callable<UpstreamAnswer> once = () -> breaker.call(() -> send(upstream, request), UpstreamAnswer.class);
        try {
            return request.idempotent() ? retries.call(once, UpstreamAnswer.class) : once.call();
        } catch (CircuitBreakerOpenException e) {
            throw new UpstreamUnavailableException(upstream.name(), upstream.name()
                    + " is unavailable: it failed repeatedly and is given a rest", false, e);
        } catch (TimeoutException e) {
            throw new UpstreamUnavailableException(upstream.name(), upstream.name() + " did not answer within "
                    + timeoutMillis + " ms", true, e);
        } catch (Unreachable e) {
            throw new UpstreamUnavailableException(upstream.name(), upstream.name() + " is unavailable: "
                    + e.getMessage(), false, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private UpstreamAnswer send(Upstream upstream, UpstreamRequest request) {
        URI target = URI.create(upstream.url() + request.rawPathAndQuery());
        Invocation.Builder builder = client.target(target).request();
        request.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                builder.header(name, value);
            }
        });
        Response response;
        try {
            if (request.body() == null) {
                response = builder.method(request.method());
            } else {
                String type = request.headers().getOrDefault("Content-Type", MediaType.APPLICATION_OCTET_STREAM);
                response = builder.method(request.method(), Entity.entity(request.body(), type));
            }
        } catch (ProcessingException e) {
            throw new Unreachable(reason(e), e);
        }
        try (response) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.getStringHeaders().forEach((name, values) -> {
                if (ForwardedHeaders.toCaller(name)) {
                    headers.put(name, List.copyOf(values));
                }
            });
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            return new UpstreamAnswer(response.getStatus(), headers, body);
        } catch (ProcessingException e) {
            throw new Unreachable("the answer broke off: " + reason(e), e);
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        // the message of a connection failure names host and port, nothing secret
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void logBreaker(String upstream, CircuitBreakerState state) {
        LOG.warnf("circuit breaker of upstream %s is now %s", upstream, state);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** No answer: the connection failed or broke off. Counted by the breaker, retried for GET and HEAD. */
    static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
