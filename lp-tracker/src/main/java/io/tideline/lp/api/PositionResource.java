package io.tideline.lp.api;

import io.tideline.lp.position.FactView;
import io.tideline.lp.position.PositionQueries;
import io.tideline.lp.position.PositionStatus;
import io.tideline.lp.position.PositionView;
import io.tideline.lp.sync.ChainFollower;
import io.tideline.lp.sync.FollowerStatus;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LP positions of the watched wallets, open and closed (closed ones stay forever), with their latest valuation and
 * their full history.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/lp")
@Tag(name = "LP positions")
@Produces(MediaType.APPLICATION_JSON)
public class PositionResource {

    static final String VALUATION_DOC = "valuation: the latest LpValued — amount0/amount1 in raw units at the pool"
            + " price; uncollectedFees0/1 computed from the pool's fee growth (feeGrowthInside − feeGrowthInsideLast,"
            + " times liquidity, plus fees already credited), not the stale tokensOwed; price = token1 per token0 in"
            + " whole units; valueToken1 = (amounts + everything owed to the position) at that price, whole token1"
            + " units, scale 18; impermanentLossToken1 = value of the amounts in the position − value of holding"
            + " (deposits − withdrawals) instead, both at the current price (negative = loss, fees excluded).";

    private final PositionQueries positions;
    private final ChainFollower follower;

    public PositionResource(PositionQueries positions, ChainFollower follower) {
        this.positions = positions;
        this.follower = follower;
    }

    @GET
    @Path("/positions")
    @Operation(summary = "Positions by owner and status", description = VALUATION_DOC)
    @APIResponse(responseCode = "200", description = "The positions", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = PositionView.class)))
    @APIResponse(responseCode = "400", description = "owner is not an address, or status not a position status")
    public List<PositionView> list(@QueryParam("owner") String owner, @QueryParam("status") String status) {
        String ownerFilter = owner == null ? null : AddressParam.parse("owner", owner);
        PositionStatus statusFilter = null;
        if (status != null) {
            try {
                statusFilter = PositionStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("status", "must be one of " + List.of(PositionStatus.values())
                        + ", was '" + status + "'");
            }
        }
        return positions.list(ownerFilter, statusFilter);
    }

    @GET
    @Path("/positions/{tokenId}")
    @Operation(summary = "One position with its current valuation", description = VALUATION_DOC)
    @APIResponse(responseCode = "200", description = "The position", content = @Content(schema = @Schema(
            implementation = PositionView.class)))
    @APIResponse(responseCode = "404", description = "No tracked position has this token id")
    public PositionView one(@PathParam("tokenId") String tokenId) {
        return positions.byTokenId(tokenId(tokenId)).orElseThrow(() -> notFound(tokenId));
    }

    @GET
    @Path("/positions/{tokenId}/history")
    @Operation(summary = "Every fact published about a position, oldest first",
            description = "Each entry: the event type and payload, where on chain it happened (block, tx hash, log"
                    + " index, block time) and, if a reorg undid it, when it was retracted.")
    @APIResponse(responseCode = "200", description = "Its facts, oldest first", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = FactView.class)))
    @APIResponse(responseCode = "404", description = "No tracked position has this token id")
    public List<FactView> history(@PathParam("tokenId") String tokenId) {
        return positions.history(tokenId(tokenId)).orElseThrow(() -> notFound(tokenId));
    }

    @GET
    @Path("/sync")
    @Operation(summary = "What the chain follower is doing: checkpoint, confirmed head, passes, RPC round trips",
            description = "state STANDBY: another instance follows the chain (one follows at a time); this one takes"
                    + " over when that one stops.")
    public FollowerStatus sync() {
        return follower.status();
    }

    private static String tokenId(String tokenId) {
        if (tokenId == null || !tokenId.matches("[0-9]{1,78}")) {
            throw ProblemException.badField("tokenId", "must be a decimal token id, was '" + tokenId + "'");
        }
        return tokenId;
    }

    private static ProblemException notFound(String tokenId) {
        return ProblemException.notFound("no tracked position with token id " + tokenId);
    }
}
