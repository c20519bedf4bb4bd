package io.tideline.lp.api;

import io.tideline.lp.wallet.Wallet;
import io.tideline.lp.wallet.WatchedWallets;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The owner wallets whose LP NFTs are tracked. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/lp/wallets")
@Tag(name = "Watched wallets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WalletResource {

    private final WatchedWallets wallets;

    public WalletResource(WatchedWallets wallets) {
        this.wallets = wallets;
    }

    @Schema(description = "A wallet to watch. backfillFromBlock: replay its history from this block (its positions and"
            + " their events appear as they happened); omitted: only what happens from the current checkpoint on.")
    public record WatchRequest(@Schema(required = true, example = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
                               String address, String label, Long backfillFromBlock) {
    }

    @GET
    @Operation(summary = "Watched wallets and the block each is synced to")
    public List<Wallet> list() {
        return wallets.list();
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Operation(summary = "Watch a wallet, optionally backfilling it from a block")
    @APIResponse(responseCode = "201", description = "Watched", content = @Content(schema = @Schema(
            implementation = Wallet.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (problem+json naming it); nothing changed")
    @APIResponse(responseCode = "409", description = "The wallet is watched already; nothing changed")
    public RestResponse<Wallet> add(WatchRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "a JSON object is required");
        }
        String address = AddressParam.parse("address", request.address());
        if (request.label() != null && request.label().length() > 200) {
            throw ProblemException.badField("label", "must be at most 200 characters");
        }
        if (request.backfillFromBlock() != null && request.backfillFromBlock() < 0) {
            throw ProblemException.badField("backfillFromBlock", "must be >= 0, was " + request.backfillFromBlock());
        }
        WatchedWallets.Watch watch = wallets.watch(address, request.label(), request.backfillFromBlock());
        return switch (watch.outcome()) {
            case ADDED -> RestResponse.status(RestResponse.Status.CREATED, watch.wallet());
            case ALREADY_WATCHED -> throw ProblemException.conflict("wallet " + address + " is already watched");
            case BEYOND_CHECKPOINT -> throw ProblemException.badField("backfillFromBlock", "is beyond the checkpoint"
                    + " (block " + watch.checkpoint() + "); omit it to watch from now on");
        };
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{address}")
    @Operation(summary = "Stop watching a wallet (its positions and their history stay)")
    @APIResponse(responseCode = "204", description = "No longer watched")
    @APIResponse(responseCode = "404", description = "The wallet is not watched")
    public RestResponse<Void> remove(@PathParam("address") String address) {
        String normalized = AddressParam.parse("address", address);
        if (!wallets.forget(normalized)) {
            throw ProblemException.notFound("wallet " + normalized + " is not watched");
        }
        return RestResponse.noContent();
    }
}
