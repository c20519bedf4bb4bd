package io.tideline.pnl.api;

import io.tideline.evm.RpcException;
import io.tideline.pnl.poller.FallbackPoller;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs the fallback poller by hand. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/webhooks/fallback-poll")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class FallbackPollResource {

    private final FallbackPoller poller;

    public FallbackPollResource(FallbackPoller poller) {
        this.poller = poller;
    }

    @GET
    @Operation(summary = "The fallback poller's state: whether it runs, the node (scheme, host and port only), its last"
            + " scan, its last failure")
    public FallbackPoller.State state() {
        return poller.state();
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Operation(summary = "Scan the lookback window for transfers the webhooks missed, now",
            description = "Answers when the scan is done with the block range, the transfer logs found, how many were"
                    + " not known before and the deliveries put into the inbox (processed right after). 409 when no"
                    + " RPC endpoint (tideline.pnl.poller.rpc-url, an http(s) URL) or wallets (tideline.pnl.wallets)"
                    + " are configured; 502 when the endpoint fails (the node named by scheme, host and port only).")
    public FallbackPoller.Scan poll() {
        if (!poller.configured()) {
            throw ProblemException.conflict("the fallback poller needs tideline.pnl.poller.rpc-url (an http(s) URL"
                    + " with a host) and tideline.pnl.wallets");
        }
        try {
            return poller.scan("manual");
        } catch (RpcException e) {
            throw new ProblemException(502, "Bad Gateway", "the chain's JSON-RPC endpoint failed: " + e.getMessage(),
                    List.of());
        }
    }
}
