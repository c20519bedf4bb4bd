package io.tideline.gateway.stream;

import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * Alerting's own {@code GET /api/v1/alerts/stream} is not forwarded: the proxy reads an upstream's whole answer, and
 * that one never ends, so it would only run into the upstream timeout. Callers are pointed at the gateway's stream.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/alerts/stream")
public class AlertStreamNotForwarded {

    @GET
    @Operation(hidden = true)
    public void refuse() {
        throw new ProblemException(404, "Not Found", "the gateway does not forward alerting's stream; use"
                + " GET /api/v1/stream?topic=alerts", List.of());
    }
}
