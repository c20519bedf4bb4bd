package io.tideline.gateway.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.gateway.auth.CallerTokens;
import io.tideline.gateway.route.RouteTable;
import io.tideline.gateway.route.Upstream;
import io.tideline.gateway.route.UpstreamAnswer;
import io.tideline.gateway.route.UpstreamCalls;
import io.tideline.gateway.route.UpstreamRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The number of deliveries waiting in the webhook upstream's inbox, read from its backlog endpoint at most once per
 * {@code backlog-max-age} (the request that finds it stale reads it; the others use the last value). Unknown when the
 * upstream does not say: then nothing is shed on its account.
 */
@ApplicationScoped
public class InboxBacklog {

    private static final Logger LOG = Logger.getLogger(InboxBacklog.class);

    private final WebhookIngressConfig config;
    private final Upstream upstream;
    private final UpstreamCalls calls;
    private final CallerTokens tokens;
    private final ObjectMapper json;
    private volatile long readAt = Long.MIN_VALUE / 2;
    private volatile OptionalLong pending = OptionalLong.empty();
    private final Object reading = new Object();

    public InboxBacklog(WebhookIngressConfig config, RouteTable routes, UpstreamCalls calls, CallerTokens tokens,
            ObjectMapper json) {
        this.config = config;
        this.upstream = routes.upstreams().stream().filter(u -> u.name().equals(config.upstream())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tideline.gateway.webhooks.upstream: no upstream '"
                        + config.upstream() + "' in tideline.gateway.upstreams"));
        this.calls = calls;
        this.tokens = tokens;
        this.json = json;
    }

    public Upstream upstream() {
        return upstream;
    }

    /** The pending inbox messages, as recently as the configured age allows; empty when unknown. Blocking. */
    public OptionalLong pending() {
        long now = System.nanoTime();
        if (now - readAt > config.backlogMaxAge().toNanos()) {
            synchronized (reading) {
                if (System.nanoTime() - readAt > config.backlogMaxAge().toNanos()) {
                    pending = read();
                    readAt = System.nanoTime();
                }
            }
        }
        return pending;
    }

    private OptionalLong read() {
        String id = "gateway-backlog-" + UUID.randomUUID();
        try {
            UpstreamAnswer answer = calls.call(upstream, new UpstreamRequest("GET", config.backlogPath(),
                    Map.of("Accept", "application/json", "X-Request-Id", id, "X-Correlation-Id", id,
                            "Authorization", tokens.bearerForGateway()), null));
            if (answer.status() != 200) {
                LOG.warnf("%s answered %d for its inbox backlog", upstream.name(), answer.status());
                return OptionalLong.empty();
            }
            JsonNode node = json.readTree(answer.body()).get("pending");
            return node != null && node.canConvertToLong() ? OptionalLong.of(node.asLong()) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("cannot read the inbox backlog of %s: %s", upstream.name(), e.getMessage());
            return OptionalLong.empty();
        }
    }
}
