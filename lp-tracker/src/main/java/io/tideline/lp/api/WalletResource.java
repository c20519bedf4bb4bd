package io.tideline.lp.api;

import io.tideline.lp.sync.ChainFollower;
import io.tideline.service.problem.ProblemException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The owner wallets whose LP NFTs are tracked. */
@Path("/api/v1/lp/wallets")
@Tag(name = "Watched wallets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WalletResource {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;
    private final ChainFollower follower;

    public WalletResource(Pool pool, ChainFollower follower) {
        this.pool = pool;
        this.follower = follower;
    }

    @Schema(description = "A wallet to watch. backfillFromBlock: replay its history from this block (its positions and"
            + " their events appear as they happened); omitted: only what happens from the current checkpoint on.")
    public record WatchRequest(@Schema(required = true, example = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
                               String address, String label, Long backfillFromBlock) {
    }

    public record Wallet(String address, String label, long syncedTo, String addedAt) {
    }

    @GET
    @Operation(summary = "Watched wallets and the block each is synced to")
    public List<Wallet> list() {
        List<Wallet> out = new ArrayList<>();
        pool.preparedQuery("select address, label, synced_to, added_at from lp_wallet where chain_id = $1"
                        + " order by address")
                .execute(Tuple.of(chainId())).await().atMost(TIMEOUT)
                .forEach(r -> out.add(new Wallet(r.getString(0), r.getString(1), r.getLong(2),
                        r.getOffsetDateTime(3).toInstant().toString())));
        return out;
    }

    @POST
    @Operation(summary = "Watch a wallet, optionally backfilling it from a block")
    public Response add(WatchRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "a JSON object is required");
        }
        String address = AddressParam.parse("address", request.address());
        if (request.label() != null && request.label().length() > 200) {
            throw ProblemException.badField("label", "must be at most 200 characters");
        }
        long checkpoint = pool.preparedQuery("select block_number from lp_checkpoint where chain_id = $1")
                .execute(Tuple.of(chainId())).await().atMost(TIMEOUT).stream().findFirst()
                .map(r -> r.getLong(0)).orElse(-1L);
        long syncedTo = checkpoint;
        if (request.backfillFromBlock() != null) {
            long from = request.backfillFromBlock();
            if (from < 0) {
                throw ProblemException.badField("backfillFromBlock", "must be >= 0, was " + from);
            }
            if (checkpoint >= 0 && from > checkpoint + 1) {
                throw ProblemException.badField("backfillFromBlock", "is beyond the checkpoint (block " + checkpoint
                        + "); omit it to watch from now on");
            }
            syncedTo = Math.min(checkpoint, from - 1);
        }
        int inserted = pool.preparedQuery("insert into lp_wallet (chain_id, address, label, synced_to)"
                        + " values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(chainId(), address, request.label(), syncedTo)).await().atMost(TIMEOUT).rowCount();
        if (inserted == 0) {
            throw ProblemException.conflict("wallet " + address + " is already watched");
        }
        return Response.status(Response.Status.CREATED)
                .entity(new Wallet(address, request.label(), syncedTo, java.time.Instant.now().toString())).build();
    }

    @DELETE
    @Path("/{address}")
    @Operation(summary = "Stop watching a wallet (its positions and their history stay)")
    public Response remove(@PathParam("address") String address) {
        String normalized = AddressParam.parse("address", address);
        int deleted = pool.preparedQuery("delete from lp_wallet where chain_id = $1 and address = $2")
                .execute(Tuple.of(chainId(), normalized)).await().atMost(TIMEOUT).rowCount();
        if (deleted == 0) {
            throw ProblemException.notFound("wallet " + normalized + " is not watched");
        }
        return Response.noContent().build();
    }

    private long chainId() {
        return follower.chainId();
    }
}
