package io.tideline.gateway.ingress;

import io.tideline.gateway.ratelimit.RateLimitHeaders;
import io.tideline.gateway.ratelimit.RateLimitedException;
import io.tideline.gateway.ratelimit.TokenBucket;
import io.tideline.gateway.route.ForwardedHeaders;
import io.tideline.gateway.route.RequestIds;
import io.tideline.gateway.route.UpstreamAnswer;
import io.tideline.gateway.route.UpstreamCalls;
import io.tideline.gateway.route.UpstreamRequest;
import io.tideline.service.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Webhook ingress: an Alchemy delivery is forwarded to pnl-ingest as the bytes that came in, with its signature
 * header; pnl-ingest verifies the signature (the gateway holds no webhook key). Deliveries have a budget of their own
 * (429 when spent), and are shed with 503 while pnl-ingest's inbox backlog is above the threshold. Alchemy retries
 * both.
 */
@PermitAll
@Path("/webhooks")
@Tag(name = "Webhooks")
public class WebhookIngressResource {

    static final String SIGNATURE = "X-Alchemy-Signature";

    private final WebhookIngressConfig config;
    private final InboxBacklog backlog;
    private final UpstreamCalls calls;
    private final TokenBucket budget;

    public WebhookIngressResource(WebhookIngressConfig config, InboxBacklog backlog, UpstreamCalls calls) {
        this.config = config;
        this.backlog = backlog;
        this.calls = calls;
        this.budget = new TokenBucket(config.capacity(), config.refillPerSecond(), System.nanoTime());
    }

    @POST
    @Path("/alchemy")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receive an Alchemy Address Activity webhook",
            description = "Forwarded byte for byte with X-Alchemy-Signature to pnl-ingest, which verifies it (401 there"
                    + " for a bad signature). 429 when the deliveries' budget is spent, 503 with Retry-After while"
                    + " pnl-ingest's inbox backlog is above the threshold.")
    @Extension(name = "x-tideline-role", value = "public") // anyone: the signature is checked by pnl-ingest
    public Response receive(@Context HttpHeaders headers, byte[] body) {
        TokenBucket.Decision allowed = budget.take(System.nanoTime());
        if (!allowed.allowed()) {
            throw new RateLimitedException(allowed);
        }
        OptionalLong pending = backlog.pending();
        if (pending.isPresent() && pending.getAsLong() > config.shedAbovePending()) {
            long retryAfter = Math.max(1, config.shedRetryAfter().toSeconds());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfter)
                    .entity(new Problem("about:blank", "Service Unavailable", 503, backlog.upstream().name()
                            + " has " + pending.getAsLong() + " deliveries waiting; try again later",
                            "/webhooks/alchemy", List.of()))
                    .build();
        }
        RequestIds ids = RequestIds.of(headers.getHeaderString(ForwardedHeaders.REQUEST_ID),
                headers.getHeaderString(ForwardedHeaders.CORRELATION_ID));
        Map<String, String> forwarded = new LinkedHashMap<>(ForwardedHeaders.toUpstream(headers::getHeaderString, ids,
                null));
        String signature = headers.getHeaderString(SIGNATURE);
        if (signature != null) {
            forwarded.put(SIGNATURE, signature);
        }
        UpstreamAnswer answer = calls.call(backlog.upstream(), new UpstreamRequest("POST", config.alchemyPath(),
                forwarded, body == null ? new byte[0] : body));
        Response.ResponseBuilder out = Response.status(answer.status());
        RateLimitHeaders.add(out, allowed);
        answer.headers().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
        if (answer.body().length > 0) {
            out.entity(answer.body());
        }
        return out.build();
    }
}
