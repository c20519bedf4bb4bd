package io.tideline.messaging.api;

import io.tideline.messaging.tx.DatabaseUnavailableException;
import io.tideline.service.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A request that needed the database while it was away answers 503 with Retry-After, never 500: nothing changed. */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response databaseUnavailable(DatabaseUnavailableException e, UriInfo uri) {
        String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        LOG.warnf("request to %s: the database does not answer (%s)", path, e.getMessage());
        Problem problem = new Problem("about:blank", "Service Unavailable", 503,
                "the service's database does not answer; nothing was changed, try again shortly", path, List.of());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem).build();
    }
}
