package io.tideline.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import io.tideline.gateway.auth.CallerTokens;
import io.tideline.gateway.route.RouteTable;
import io.tideline.gateway.route.Upstream;
import io.tideline.gateway.route.UpstreamAnswer;
import io.tideline.gateway.route.UpstreamCalls;
import io.tideline.gateway.route.UpstreamRequest;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.routes.RoutePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every upstream's OpenAPI document, read from its {@code /q/openapi} at start and again every
 * {@code tideline.gateway.openapi.refresh-interval} (thread {@code gateway-openapi}), with a viewer token the gateway
 * signs for itself, through the same guarded calls as forwarded requests. An upstream that does not answer keeps the
 * copy last read (stale) or, never read, is left out (unavailable); the merged document says which
 * ({@link MergedOpenApi}). Serving the document never waits for an upstream.
 */
@ApplicationScoped
public class UpstreamDocuments {

    private static final Logger LOG = Logger.getLogger(UpstreamDocuments.class);
    static final String PATH = "/q/openapi?format=json";
    /** Parses upstream documents without the gateway's own OpenAPI settings (title, servers) leaking into them. */
    private static final Config NO_SETTINGS = new SmallRyeConfigBuilder().build();

    private final RouteTable routes;
    private final RoutePermissions permissions;
    private final UpstreamCalls calls;
    private final CallerTokens tokens;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, UpstreamDocument> documents = new ConcurrentHashMap<>();
    private final PollingWorker worker;

    public UpstreamDocuments(OpenApiConfig config, RouteTable routes, RoutePermissions permissions,
            UpstreamCalls calls, CallerTokens tokens, ObjectMapper json) {
        this.routes = routes;
        this.permissions = permissions;
        this.calls = calls;
        this.tokens = tokens;
        this.json = json;
        routes.upstreams().forEach(u -> documents.put(u.name(), UpstreamDocument.unread(u.name())));
        this.worker = new PollingWorker("gateway-openapi", this::readAll, config.refreshInterval(),
                config.refreshInterval());
    }

    void onStart(@Observes StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(5));
    }

    /** What is held of every upstream's document, by upstream name order. */
    public List<UpstreamDocument> all() {
        return routes.upstreams().stream().map(u -> documents.get(u.name())).toList();
    }

    /** Reads every upstream's document once; never more to do at once. */
    boolean readAll() {
        for (Upstream upstream : routes.upstreams()) {
            documents.put(upstream.name(), read(upstream, documents.get(upstream.name())));
        }
        return false;
    }

    private UpstreamDocument read(Upstream upstream, UpstreamDocument held) {
        String id = "gateway-openapi-" + UUID.randomUUID();
        try {
            UpstreamAnswer answer = calls.call(upstream, new UpstreamRequest("GET", PATH,
                    Map.of("Accept", "application/json", "X-Request-Id", id, "X-Correlation-Id", id,
                            "Authorization", tokens.bearerForGateway()), null));
            if (answer.status() != 200) {
                return failed(held, upstream.name() + " answered " + answer.status() + " for its OpenAPI document");
            }
            UpstreamApi api = UpstreamApi.of(upstream.name(), json.readTree(answer.body()),
                    path -> routes.owner(path).filter(upstream::equals).isPresent(), permissions);
            if (!api.uncovered().isEmpty()) {
                LOG.warnf("%s serves routes the gateway routes to it but no permission rule covers (not forwarded):"
                        + " %s", upstream.name(), api.uncovered());
            }
            if (held.failingSince() != null || held.api() == null) {
                LOG.infof("read the OpenAPI document of %s", upstream.name());
            }
            return new UpstreamDocument(upstream.name(), model(api), clock.instant(), null, api.uncovered());
        } catch (IOException | RuntimeException e) {
            return failed(held, "cannot read the OpenAPI document of " + upstream.name() + ": " + e.getMessage());
        }
    }

    private UpstreamDocument failed(UpstreamDocument held, String reason) {
        if (held.failingSince() == null) {
            LOG.warnf("%s; the merged OpenAPI document marks it %s", reason,
                    held.api() == null ? "unavailable" : "stale");
        } else {
            LOG.debug(reason);
        }
        return held.failed(clock.instant());
    }

    /** The MicroProfile OpenAPI model of the part of a document the gateway serves. */
    static OpenAPI model(UpstreamApi api) {
        byte[] bytes = api.document().toString().getBytes(StandardCharsets.UTF_8);
        return SmallRyeOpenAPI.builder()
                .withConfig(NO_SETTINGS)
                .withApplicationClassLoader(UpstreamDocuments.class.getClassLoader())
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableAnnotationScan(false)
                .enableStandardFilter(false)
                .defaultRequiredProperties(false)
                .withCustomStaticFile(() -> new ByteArrayInputStream(bytes))
                .build()
                .model();
    }
}
