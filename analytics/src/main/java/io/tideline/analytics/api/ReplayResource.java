package io.tideline.analytics.api;

import io.tideline.analytics.replay.ReplayService;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The replay command: rebuild the read model from the topics, from offset 0. */
@RolesAllowed(Roles.ADMIN)
@Path("/api/v1/replay")
@Tag(name = "Replay")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    private final ReplayService replay;

    public ReplayResource(ReplayService replay) {
        this.replay = replay;
    }

    @POST
    @Operation(summary = "Rebuild the read model from offset 0 of its five topics; answers when done, with counts",
            description = "Consumption pauses meanwhile; snapshots and reports are kept.")
    public ReplayService.Result replay() {
        return replay.replay();
    }
}
