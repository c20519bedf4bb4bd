package io.tideline.alerting.api;

import io.tideline.alerting.delivery.DeliveryQueries;
import io.tideline.alerting.delivery.DeliveryQueries.ChannelStatus;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The outside channels rules can name, with their breaker, rate limit and delivery counts (viewer). */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/channels")
@Tag(name = "Channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    private final DeliveryQueries queries;

    public ChannelResource(DeliveryQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Every configured email and webhook channel", description = "Its target without secrets,"
            + " circuit breaker state, rate limit and tokens left, and its deliveries: suppressed, pending, delivered,"
            + " failed. The push channel (the alert stream) needs no configuration and is not listed.")
    public List<ChannelStatus> list() {
        return queries.channels();
    }
}
