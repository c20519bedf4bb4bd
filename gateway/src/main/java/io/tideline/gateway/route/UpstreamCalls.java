package io.tideline.gateway.route;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.CompletionStageRxInvoker;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Calls the upstreams through the JAX-RS client of Quarkus REST Client without holding a thread while they answer
 * (its {@link CompletionStageRxInvoker}), each call under SmallRye Fault Tolerance: a circuit breaker of its own per
 * upstream, and, for GET and HEAD only, retries after a connection failure or a timeout. The timeout is the client's
 * own read timeout on the event loop, not Fault Tolerance's: its timeout for asynchronous calls multiplied the
 * latency the gateway adds at 2,000 req/s by a thousand (docs/adr/0020-non-blocking-proxy.md). An upstream's
 * own answers, 5xx included, are passed on as they are; only not answering counts against its breaker.
 * The proxy uses {@link #callAsync} from the event loop; {@link #call} waits for the same guarded call, for callers
 * already on a worker thread (the merged OpenAPI's reader, webhook ingress, the inbox backlog).
 */
@ApplicationScoped
public class UpstreamCalls {

    private static final Logger LOG = Logger.getLogger(UpstreamCalls.class);
    private static final TypeLiteral<CompletionStage<UpstreamAnswer>> ANSWER = new TypeLiteral<>() {
    };

    private final Client client;
    private final Map<String, TypedGuard<CompletionStage<UpstreamAnswer>>> breakers = new LinkedHashMap<>();
    private final TypedGuard<CompletionStage<UpstreamAnswer>> retries;
    private final long timeoutMillis;

    public UpstreamCalls(GatewayConfig config, RouteTable routes) {
        this.timeoutMillis = config.upstreamTimeout().toMillis();
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(config.upstreamConnectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build();
        GatewayConfig.Breaker breaker = config.breaker();
        for (Upstream upstream : routes.upstreams()) {
            breakers.put(upstream.name(), TypedGuard.create(ANSWER)
                    .withDescription("upstream " + upstream.name())
                    .withCircuitBreaker()
                    .requestVolumeThreshold(breaker.window())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .failOn(List.of(Unreachable.class, TimedOut.class))
                    .onStateChange(state -> logBreaker(upstream.name(), state))
                    .done()
                    .withThreadOffload(false)
                    .build());
        }
        this.retries = TypedGuard.create(ANSWER)
                .withDescription("idempotent upstream calls")
                .withRetry()
                .maxRetries(config.upstreamRetries())
                .delay(50, ChronoUnit.MILLIS)
                .jitter(25, ChronoUnit.MILLIS)
                .retryOn(List.of(Unreachable.class, TimedOut.class))
                .abortOn(CircuitBreakerOpenException.class)
                .done()
                .withThreadOffload(false)
                .build();
    }

    /**
     * Sends the request to the upstream; the stage completes with its answer, or fails with an
     * {@link UpstreamUnavailableException} naming the upstream that did not answer. No thread waits meanwhile.
     */
    public CompletionStage<UpstreamAnswer> callAsync(Upstream upstream, UpstreamRequest request) {
        TypedGuard<CompletionStage<UpstreamAnswer>> breaker = breakers.get(upstream.name());
        Callable<CompletionStage<UpstreamAnswer>> once = () -> breaker.call(() -> send(upstream, request));
        CompletionStage<UpstreamAnswer> answer;
        try {
            answer = request.idempotent() ? retries.call(once) : once.call();
        } catch (Exception e) {
            answer = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<UpstreamAnswer> named = new CompletableFuture<>();
        answer.whenComplete((result, failure) -> {
            if (failure == null) {
                named.complete(result);
            } else {
                named.completeExceptionally(named(upstream, unwrapped(failure)));
            }
        });
        return named;
    }

    /** {@link #callAsync}, waited for: only from a worker thread, never from the event loop. */
    public UpstreamAnswer call(Upstream upstream, UpstreamRequest request) {
        try {
            return callAsync(upstream, request).toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = unwrapped(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    private Throwable named(Upstream upstream, Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return new UpstreamUnavailableException(upstream.name(), upstream.name()
                    + " is unavailable: it failed repeatedly and is given a rest", false, failure);
        }
        if (failure instanceof TimedOut) {
            return new UpstreamUnavailableException(upstream.name(), upstream.name() + " did not answer within "
                    + timeoutMillis + " ms", true, failure);
        }
        if (failure instanceof Unreachable) {
            return new UpstreamUnavailableException(upstream.name(), upstream.name() + " is unavailable: "
                    + failure.getMessage(), false, failure);
        }
        return failure;
    }

    private CompletionStage<UpstreamAnswer> send(Upstream upstream, UpstreamRequest request) {
        URI target = URI.create(upstream.url() + request.rawPathAndQuery());
        Invocation.Builder builder = client.target(target).request();
        request.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                builder.header(name, value);
            }
        });
        CompletionStageRxInvoker invoker = builder.rx();
        CompletionStage<Response> sent;
        try {
            if (request.body() == null) {
                sent = invoker.method(request.method());
            } else {
                String type = request.headers().getOrDefault("Content-Type", MediaType.APPLICATION_OCTET_STREAM);
                sent = invoker.method(request.method(), Entity.entity(request.body(), type));
            }
        } catch (ProcessingException e) {
            return CompletableFuture.failedFuture(new Unreachable(reason(e), e));
        }
        CompletableFuture<UpstreamAnswer> answer = new CompletableFuture<>();
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(timedOut(failure) ? new TimedOut(failure)
                        : new Unreachable(reason(failure), failure));
                return;
            }
            try (response) {
                answer.complete(read(response));
            } catch (ProcessingException e) {
                answer.completeExceptionally(new Unreachable("the answer broke off: " + reason(e), e));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private static UpstreamAnswer read(Response response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (ForwardedHeaders.toCaller(name)) {
                headers.put(name, List.copyOf(values));
            }
        });
        byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        return new UpstreamAnswer(response.getStatus(), headers, body);
    }

    /** Whether the client gave up waiting for the answer (its read timeout), rather than failing to connect. */
    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")
                    || (t.getMessage() != null && t.getMessage().contains("timeout period"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
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

    /** No answer within the upstream timeout. Counted by the breaker, retried for GET and HEAD. */
    static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut(Throwable cause) {
            super(cause);
        }
    }

    /** No answer: the connection failed or broke off. Counted by the breaker, retried for GET and HEAD. */
    static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
