package io.tideline.lp.position;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.events.lp.LpValued;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The positions and their histories as the API reads them. */
@ApplicationScoped
public class PositionQueries {

    /** A position's row and its pool's (tokens and fee), stored in the same pass as the position's first fact. */
    private static final String FROM = "select p.token_id, p.chain_id, p.position_manager, p.owner, p.status, p.pool,"
            + " p.state, p.valuation, pool.state as pool_state from lp_position p"
            + " left join lp_pool pool on pool.chain_id = p.chain_id and pool.address = p.pool";

    private final Sql reads;

    public PositionQueries(Transactions transactions) {
        this.reads = transactions.reads();
    }

    /** Positions of every chain, by chain, position manager and token id; filters optional (null: any). */
    public List<PositionView> list(String owner, PositionStatus status) {
        return reads.list(FROM + " where ($1::text is null or p.owner = $1) and ($2::text is null or p.status = $2)"
                        + " order by p.chain_id, p.position_manager, p.token_id::numeric",
                Tuple.of(owner, status == null ? null : status.name()), PositionQueries::position);
    }

    /** The position with this token id (on the lowest chain id, if several chains have one). */
    public Optional<PositionView> byTokenId(String tokenId) {
        return reads.first(FROM + " where p.token_id = $1 order by p.chain_id limit 1",
                Tuple.of(tokenId), PositionQueries::position);
    }

    /** Every fact published about the position with this token id, oldest first; empty if it is not tracked. */
    public Optional<List<FactView>> history(String tokenId) {
        return byTokenId(tokenId).map(p -> reads.list("select event_id, event_type, block_number, block_hash,"
                        + " tx_hash, log_index, block_time, payload, retracted_at from lp_position_fact"
                        + " where chain_id = $1 and position_manager = $2 and token_id = $3 order by id",
                Tuple.of(p.chainId(), p.positionManager(), p.tokenId()),
                r -> new FactView(r.getUUID("event_id"), r.getString("event_type"), r.getLong("block_number"),
                        r.getString("block_hash"), r.getString("tx_hash"), r.getInteger("log_index"),
                        Sql.instant(r, "block_time"), tree(json(r.getValue("payload"))),
                        Sql.instant(r, "retracted_at"))));
    }

    private static PositionView position(Row r) {
        Position p = PositionJson.read(json(r.getValue("state")), Position.class);
        Object poolState = r.getValue("pool_state");
        PoolState pool = poolState == null ? new PoolState()
                : PositionJson.read(json(poolState), PoolState.class);
        Object valuation = r.getValue("valuation");
        long chainId = r.getLong("chain_id");
        String manager = r.getString("position_manager");
        String tokenId = r.getString("token_id");
        return new PositionView(tokenId, chainId, manager, chainId + ":" + manager + ":" + tokenId,
                r.getString("owner"), PositionStatus.valueOf(r.getString("status")), r.getString("pool"),
                pool.token0, pool.token1, poolState == null ? null : pool.fee, p.tickLower(), p.tickUpper(), p.liquidity(), p.deposited0(), p.deposited1(), p.costToken1(),
                p.withdrawn0(), p.withdrawn1(), p.feesCollected0(), p.feesCollected1(), p.burned(), p.openedBlock(),
                p.closedBlock(), valuation == null ? null : PositionJson.read(json(valuation), LpValued.class));
    }

    private static String json(Object value) {
        return value instanceof JsonObject o ? o.encode() : String.valueOf(value);
    }

    private static JsonNode tree(String json) {
        try {
            return PositionJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored fact's payload is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
