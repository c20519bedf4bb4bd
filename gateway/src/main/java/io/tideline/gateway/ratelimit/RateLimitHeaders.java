package io.tideline.gateway.ratelimit;

import io.tideline.service.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The RateLimit headers of an answer, and the 429 problem+json of a refusal. */
public final class RateLimitHeaders {

    public static void add(Response.ResponseBuilder response, TokenBucket.Decision decision) {
        response.header("RateLimit-Limit", decision.limit())
                .header("RateLimit-Remaining", decision.remaining())
                .header("RateLimit-Reset", decision.resetSeconds());
    }

    /** Maps {@link RateLimitedException}. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response limited(RateLimitedException e, UriInfo uri) {
            String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
            Response.ResponseBuilder out = Response.status(429).type(Problem.MEDIA_TYPE)
                    .header("Retry-After", e.decision().retryAfterSeconds())
                    .entity(new Problem("about:blank", "Too Many Requests", 429, e.getMessage(), path, List.of()));
            add(out, e.decision());
            return out.build();
        }
    }

    private RateLimitHeaders() {
    }
}
