package io.tideline.gateway.admin.health;

import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The platform's operations health (viewer: it shows what every service's {@code /api/v1/messaging} already shows a
 * viewer, and changes nothing).
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/admin/health")
@Tag(name = "Admin: health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final OperationsHealth health;

    public HealthResource(OperationsHealth health) {
        this.health = health;
    }

    @GET
    @Operation(summary = "Every service's readiness and messaging state, consumer lag per group, dead letters per"
            + " topic", description = "A service that does not answer within gateway.health.timeout-ms is DOWN,"
            + " named with the reason; the answer never waits much longer than that.")
    public HealthReport report() {
        return health.report();
    }
}
