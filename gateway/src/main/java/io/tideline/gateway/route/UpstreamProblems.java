package io.tideline.gateway.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tideline.service.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** An upstream that does not answer: 503 (504 after a timeout) problem+json naming it, with {@code Retry-After}. */
public class UpstreamProblems {

    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response unavailable(UpstreamUnavailableException e, UriInfo uri) {
        int status = e.timedOut() ? 504 : 503;
        String title = e.timedOut() ? "Gateway Timeout" : "Service Unavailable";
        String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(new UpstreamProblem("about:blank", title, status, e.getMessage(), path, null, e.upstream()))
                .build();
    }

    /** A {@link Problem} with the extension member {@code upstream}: the service that did not answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpstreamProblem(String type, String title, int status, String detail, String instance,
                                  List<Problem.FieldError> errors, String upstream) {
    }
}
