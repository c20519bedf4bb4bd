package io.tideline.gateway.route;

import io.tideline.routes.RoutePermissions;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.tideline.gateway.auth.ApiKey;
import io.tideline.gateway.auth.ApiKeyIdentityProvider;
import io.tideline.gateway.auth.CallerTokens;
import io.tideline.gateway.ratelimit.RateLimitHeaders;
import io.tideline.gateway.ratelimit.RateLimitedException;
import io.tideline.gateway.ratelimit.RateLimits;
import io.tideline.gateway.ratelimit.TokenBucket;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Forwards {@code /api/v1/<prefix>/...} to the upstream that owns the prefix ({@link RouteTable}), after checking the
 * caller's role against the permission table ({@link RoutePermissions}) and taking a token from the caller's bucket
 * for the route's class ({@link RateLimits}). The body goes on as the bytes that came in.
 * Nothing here blocks: the methods run on the event loop and the upstream's answer completes the returned stage
 * ({@link UpstreamCalls#callAsync}), so no worker thread is held per request in flight.
 * The class names the least role so that an anonymous caller is refused before anything else; the table decides the
 * rest.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1")
public class ProxyResource {

    private final RouteTable routes;
    private final RoutePermissions permissions;
    private final UpstreamCalls calls;
    private final CallerTokens callerTokens;
    private final SecurityIdentity caller;
    private final RateLimits rateLimits;

    public ProxyResource(RouteTable routes, RoutePermissions permissions, UpstreamCalls calls,
            CallerTokens callerTokens, SecurityIdentity caller, RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.routes = routes;
        this.permissions = permissions;
        this.calls = calls;
        this.callerTokens = callerTokens;
        this.caller = caller;
    }

    @GET
    @Path("{route: .+}")
    @Operation(hidden = true)
    public CompletionStage<Response> get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", uri, headers, null);
    }

    @HEAD
    @Path("{route: .+}")
    @Operation(hidden = true)
    public CompletionStage<Response> head(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("HEAD", uri, headers, null);
    }

    @DELETE
    @Path("{route: .+}")
    @Operation(hidden = true)
    public CompletionStage<Response> delete(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", uri, headers, null);
    }

    @POST
    @Path("{route: .+}")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public CompletionStage<Response> post(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", uri, headers, body == null ? new byte[0] : body);
    }

    @PUT
    @Path("{route: .+}")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public CompletionStage<Response> put(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", uri, headers, body == null ? new byte[0] : body);
    }

    @PATCH
    @Path("{route: .+}")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public CompletionStage<Response> patch(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", uri, headers, body == null ? new byte[0] : body);
    }

    private CompletionStage<Response> forward(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        URI requested = uri.getRequestUri();
        String path = requested.getRawPath();
        Upstream upstream = routes.owner(path)
                .orElseThrow(() -> ProblemException.notFound("no service answers " + path));
        String role = permissions.requiredRole(method, path)
                .orElseThrow(() -> new ProblemException(404, "Not Found", "the gateway does not forward " + method
                        + " " + path, List.of()));
        if (!caller.hasRole(role)) {
            throw new ForbiddenException();
        }
        TokenBucket.Decision budget = rateLimits.take(caller.getPrincipal().getName(), role);
        if (!budget.allowed()) {
            throw new RateLimitedException(budget);
        }
        RequestIds ids = RequestIds.of(headers.getHeaderString(ForwardedHeaders.REQUEST_ID),
                headers.getHeaderString(ForwardedHeaders.CORRELATION_ID));
        String rawQuery = requested.getRawQuery();
        UpstreamRequest request = new UpstreamRequest(method, rawQuery == null ? path : path + "?" + rawQuery,
                ForwardedHeaders.toUpstream(headers::getHeaderString, ids, authorization(headers)), body);
        return calls.callAsync(upstream, request).thenApply(answer -> {
            Response.ResponseBuilder out = Response.status(answer.status());
            RateLimitHeaders.add(out, budget);
            answer.headers().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
            if (answer.body().length > 0 && !method.equals("HEAD")) {
                out.entity(answer.body());
            }
            return out.build();
        });
    }

    /** The caller's own bearer token, or one the gateway signs for an API key's caller. */
    private String authorization(HttpHeaders headers) {
        ApiKey key = caller.getAttribute(ApiKeyIdentityProvider.API_KEY);
        if (key != null) {
            return callerTokens.bearerFor(key);
        }
        return headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    }
}
