package io.tideline.lp.api;

import io.tideline.lp.position.PositionStatus;
import io.tideline.lp.sync.ChainFollower;
import io.tideline.lp.sync.FollowerStatus;
import io.tideline.service.problem.ProblemException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LP positions of the watched wallets, open and closed (closed ones stay forever), with their latest valuation and
 * their full history.
 */
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
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;
    private final ChainFollower follower;

    public PositionResource(Pool pool, ChainFollower follower) {
        this.pool = pool;
        this.follower = follower;
    }

    @GET
    @Path("/positions")
    @Operation(summary = "Positions by owner and status", description = VALUATION_DOC)
    public List<Map<String, Object>> list(@QueryParam("owner") String owner, @QueryParam("status") String status) {
        String ownerFilter = owner == null ? null : AddressParam.parse("owner", owner);
        String statusFilter = null;
        if (status != null) {
            try {
                statusFilter = PositionStatus.valueOf(status.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("status", "must be one of " + List.of(PositionStatus.values())
                        + ", was '" + status + "'");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        pool.preparedQuery("select token_id, chain_id, position_manager, owner, status, pool, state, valuation"
                        + " from lp_position where ($1::text is null or owner = $1) and ($2::text is null or status = $2)"
                        + " order by chain_id, position_manager, token_id::numeric")
                .execute(Tuple.of(ownerFilter, statusFilter)).await().atMost(TIMEOUT)
                .forEach(r -> out.add(summary(r)));
        return out;
    }

    @GET
    @Path("/positions/{tokenId}")
    @Operation(summary = "One position with its current valuation", description = VALUATION_DOC)
    public Map<String, Object> one(@PathParam("tokenId") String tokenId) {
        Row row = find(tokenId);
        return summary(row);
    }

    @GET
    @Path("/positions/{tokenId}/history")
    @Operation(summary = "Every fact published about a position, oldest first",
            description = "Each entry: the event type and payload, where on chain it happened (block, tx hash, log"
                    + " index, block time) and, if a reorg undid it, when it was retracted.")
    public List<Map<String, Object>> history(@PathParam("tokenId") String tokenId) {
        Row position = find(tokenId);
        List<Map<String, Object>> out = new ArrayList<>();
        pool.preparedQuery("select event_id, event_type, block_number, block_hash, tx_hash, log_index, block_time,"
                        + " payload, retracted_at from lp_position_fact where chain_id = $1 and position_manager = $2"
                        + " and token_id = $3 order by id")
                .execute(Tuple.of(position.getLong("chain_id"), position.getString("position_manager"),
                        position.getString("token_id")))
                .await().atMost(TIMEOUT)
                .forEach(r -> {
                    Map<String, Object> fact = new java.util.LinkedHashMap<>();
                    fact.put("eventId", r.getUUID("event_id").toString());
                    fact.put("type", r.getString("event_type"));
                    fact.put("blockNumber", r.getLong("block_number"));
                    fact.put("blockHash", r.getString("block_hash"));
                    fact.put("txHash", r.getString("tx_hash"));
                    fact.put("logIndex", r.getInteger("log_index"));
                    fact.put("blockTime", r.getOffsetDateTime("block_time").toInstant().toString());
                    fact.put("payload", json(r.getValue("payload")).getMap());
                    fact.put("retractedAt", r.getOffsetDateTime("retracted_at") == null ? null
                            : r.getOffsetDateTime("retracted_at").toInstant().toString());
                    out.add(fact);
                });
        return out;
    }

    @GET
    @Path("/sync")
    @Operation(summary = "What the chain follower is doing: checkpoint, confirmed head, passes, RPC round trips")
    public FollowerStatus sync() {
        return follower.status();
    }

    private Row find(String tokenId) {
        if (tokenId == null || !tokenId.matches("[0-9]{1,78}")) {
            throw ProblemException.badField("tokenId", "must be a decimal token id, was '" + tokenId + "'");
        }
        var rows = pool.preparedQuery("select token_id, chain_id, position_manager, owner, status, pool, state,"
                        + " valuation from lp_position where token_id = $1 order by chain_id limit 1")
                .execute(Tuple.of(tokenId)).await().atMost(TIMEOUT);
        if (rows.size() == 0) {
            throw ProblemException.notFound("no tracked position with token id " + tokenId);
        }
        return rows.iterator().next();
    }

    private static Map<String, Object> summary(Row r) {
        JsonObject state = json(r.getValue("state"));
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("tokenId", r.getString("token_id"));
        out.put("chainId", r.getLong("chain_id"));
        out.put("positionManager", r.getString("position_manager"));
        out.put("key", r.getLong("chain_id") + ":" + r.getString("position_manager") + ":" + r.getString("token_id"));
        out.put("owner", r.getString("owner"));
        out.put("status", r.getString("status"));
        out.put("pool", r.getString("pool"));
        for (String field : List.of("tickLower", "tickUpper", "liquidity", "deposited0", "deposited1", "costToken1",
                "withdrawn0", "withdrawn1", "feesCollected0", "feesCollected1", "burned", "openedBlock",
                "closedBlock")) {
            out.put(field, state.getValue(field));
        }
        Object valuation = r.getValue("valuation");
        out.put("valuation", valuation == null ? null : json(valuation).getMap());
        return out;
    }

    private static JsonObject json(Object value) {
        return value instanceof JsonObject o ? o : new JsonObject(String.valueOf(value));
    }
}
