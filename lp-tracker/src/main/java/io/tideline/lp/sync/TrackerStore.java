package io.tideline.lp.sync;

import io.tideline.events.EventEnvelope;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.evm.BlockHeader;
import io.tideline.lp.checkpoint.CheckpointStore;
import io.tideline.lp.position.Fact;
import io.tideline.lp.position.PoolState;
import io.tideline.lp.position.Position;
import io.tideline.lp.position.PositionJson;
import io.tideline.lp.wallet.WalletStore;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The follower's book: positions, their facts (kept forever), pools and the remembered blocks, written in the unit of
 * work of a pass together with the events they cause, the checkpoint and the wallets' progress, or not at all.
 */
@ApplicationScoped
public class TrackerStore {

    private final CheckpointStore checkpoints;
    private final WalletStore wallets;

    public TrackerStore(CheckpointStore checkpoints, WalletStore wallets) {
        this.checkpoints = checkpoints;
        this.wallets = wallets;
    }

    /** A processed block remembered to find the fork point of a reorg. */
    record StoredBlock(long number, String hash) {
    }

    /** The lowest block with a fact not retracted, if any. */
    OptionalLong lowestFactBlock(Sql sql, long chainId) {
        Long lowest = sql.one("select min(block_number) from lp_position_fact where chain_id = $1"
                + " and retracted_at is null", Tuple.of(chainId), r -> r.getLong(0) == null ? -1L : r.getLong(0));
        return lowest < 0 ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    /** Followed positions owned by these wallets (all wallets when null). */
    Map<String, Position> followedPositions(Sql sql, long chainId, String positionManager, Set<String> owners) {
        Map<String, Position> positions = new LinkedHashMap<>();
        sql.list("select token_id, state from lp_position where chain_id = $1 and position_manager = $2"
                        + " and followed and ($3::text[] is null or owner = any($3))",
                Tuple.of(chainId, positionManager, owners == null ? null : owners.toArray(String[]::new)),
                r -> Map.entry(r.getString(0), PositionJson.read(json(r, 1), Position.class)))
                .forEach(e -> positions.put(e.getKey(), e.getValue()));
        return positions;
    }

    Map<String, PoolState> pools(Sql sql, long chainId) {
        Map<String, PoolState> pools = new LinkedHashMap<>();
        sql.list("select address, state from lp_pool where chain_id = $1", Tuple.of(chainId),
                r -> Map.entry(r.getString(0), PositionJson.read(json(r, 1), PoolState.class)))
                .forEach(e -> pools.put(e.getKey(), e.getValue()));
        return pools;
    }

    /** The newest remembered blocks, newest first. */
    List<StoredBlock> recentBlocks(Sql sql, long chainId, int limit) {
        return sql.list("select block_number, block_hash from lp_block where chain_id = $1"
                + " order by block_number desc limit $2", Tuple.of(chainId, limit),
                r -> new StoredBlock(r.getLong(0), r.getString(1)));
    }

    /**
     * Writes a main pass that started after the checkpoint {@code after}: facts not written before (publishing their
     * events), valuations and prices (published), positions, pools, blocks, then moves the checkpoint to the pass's
     * last block (recording the chain's genesis hash if it has none yet) and the main wallets with it. Event ids are
     * those of {@code epoch}.
     *
     * @return the events published
     */
    int writePass(UnitOfWork uow, ChainSettings chain, PassResult pass, long after, Set<String> mainWallets,
            int keepBlocks, String genesisHash, int epoch) {
        int published = write(uow, chain, pass, epoch);
        BlockHeader last = pass.last();
        checkpoints.advance(uow, chain.id(), after, last.number(), last.hash(), genesisHash);
        uow.exec("delete from lp_block where chain_id = $1 and block_number < $2", chain.id(),
                last.number() - keepBlocks);
        if (!mainWallets.isEmpty()) {
            wallets.synced(uow, chain.id(), mainWallets, last.number());
        }
        return published;
    }

    /**
     * Writes a backfill pass of wallets catching up (its prices are the main pass's business): as {@link #writePass}
     * without moving the checkpoint; the wallets are synced to its last block.
     */
    int writeBackfill(UnitOfWork uow, ChainSettings chain, PassResult pass, Set<String> backfilled, int epoch) {
        int published = write(uow, chain, pass, epoch);
        wallets.synced(uow, chain.id(), backfilled, pass.last().number());
        return published;
    }

    private int write(UnitOfWork uow, ChainSettings chain, PassResult pass, int epoch) {
        List<Fact> fresh = unseen(uow, pass.facts(), epoch);
        List<EventEnvelope<?>> events = new ArrayList<>();
        List<Tuple> rows = new ArrayList<>();
        for (Fact f : fresh) {
            ChainRef at = f.at();
            rows.add(Tuple.tuple(List.of(chain.id(), f.position().positionManager(), f.position().tokenId(),
                    f.eventId(epoch), f.type(), at.blockNumber(), at.blockHash(), at.txHash(), at.logIndex(),
                    Sql.utc(at.blockTime()), new JsonObject(PositionJson.write(f.payload())),
                    new JsonObject(f.stateAfter()))));
            events.add(TrackerEvents.fact(f, epoch));
        }
        uow.batch("insert into lp_position_fact (chain_id, position_manager, token_id, event_id, event_type,"
                + " block_number, block_hash, tx_hash, log_index, block_time, payload, state_after)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", rows);
        BlockHeader last = pass.last();
        Map<String, LpValued> valuations = new LinkedHashMap<>();
        for (LpValued v : pass.valuations()) {
            valuations.put(v.position().tokenId(), v);
            events.add(TrackerEvents.valued(v, last.hash(), epoch));
        }
        for (PriceObserved p : pass.prices()) {
            events.add(TrackerEvents.price(p, pass.headers().get(p.blockNumber()).hash(), epoch));
        }
        upsertPositions(uow, chain, pass.changedPositions(), valuations, last.number());
        upsertPools(uow, chain.id(), pass.pools());
        saveBlocks(uow, chain.id(), pass.headers().values());
        uow.publishAll(events);
        return events.size();
    }

    /**
     * Undoes everything after {@code forkBlock}: facts above it are retracted (and LpFactRetracted published for each),
     * positions go back to their state after their last remaining fact (or disappear if they had none), pools forget
     * their price (re-read at the fork point), wallets and the checkpoint move back.
     *
     * @return the number of facts retracted
     */
    int rewind(UnitOfWork uow, ChainSettings chain, long forkBlock, String forkHash) {
        long chainId = chain.id();
        List<Row> undone = new ArrayList<>(uow.list("update lp_position_fact set retracted_at = now()"
                + " where chain_id = $1 and block_number > $2 and retracted_at is null"
                + " returning id, position_manager, token_id, event_id, event_type, block_number, block_hash,"
                + " tx_hash, log_index, block_time", Tuple.of(chainId, forkBlock), r -> r));
        undone.sort((a, b) -> Long.compare(a.getLong("id"), b.getLong("id")));
        Instant now = Instant.now();
        List<Tuple> marks = new ArrayList<>();
        for (Row r : undone) {
            PositionRef ref = new PositionRef(chainId, r.getString("position_manager"), r.getString("token_id"));
            ChainRef at = new ChainRef(r.getLong("block_number"), r.getString("block_hash"), r.getString("tx_hash"),
                    r.getInteger("log_index"), Sql.instant(r, "block_time"));
            EventEnvelope<LpFactRetracted> retraction = TrackerEvents.retraction(new LpFactRetracted(ref,
                    r.getUUID("event_id"), r.getString("event_type"), at, forkBlock), now);
            uow.publish(retraction);
            marks.add(Tuple.of(retraction.eventId(), r.getLong("id")));
        }
        uow.batch("update lp_position_fact set retraction_event = $1 where id = $2", marks);
        // Positions touched after the fork: back to the state after their last fact that stays, or gone.
        uow.exec("update lp_position p set state = f.state_after, owner = f.state_after->>'owner',"
                + " status = f.state_after->>'status', valuation = null, updated_block = f.block_number,"
                + " followed = not coalesce((f.state_after->>'burned')::boolean, false)"
                + "   and f.state_after->>'status' <> 'TRANSFERRED'"
                + " from (select distinct on (token_id) position_manager, token_id, state_after, block_number"
                + "       from lp_position_fact where chain_id = $1 and retracted_at is null"
                + "       order by token_id, id desc) f"
                + " where p.chain_id = $1 and p.updated_block > $2 and f.position_manager = p.position_manager"
                + " and f.token_id = p.token_id", chainId, forkBlock);
        uow.exec("delete from lp_position p where chain_id = $1 and updated_block > $2 and not exists"
                + " (select 1 from lp_position_fact f where f.chain_id = p.chain_id"
                + " and f.position_manager = p.position_manager and f.token_id = p.token_id"
                + " and f.retracted_at is null)", chainId, forkBlock);
        uow.exec("update lp_pool set state = state - 'sqrtPriceX96' where chain_id = $1", chainId);
        uow.exec("delete from lp_block where chain_id = $1 and block_number > $2", chainId, forkBlock);
        wallets.rewind(uow, chainId, forkBlock);
        checkpoints.rewind(uow, chainId, forkBlock, forkHash);
        return undone.size();
    }

    /**
     * Starts the book over after {@code restartBlock}, for a chain whose fork point is unknown (a reorg deeper than
     * the remembered blocks) or that is another chain (another genesis): every fact above it is retracted as in
     * {@link #rewind} (LpFactRetracted published for each, with {@code restartBlock} as the fork block), positions,
     * pools and remembered blocks are forgotten, wallets and the checkpoint go back to {@code restartBlock} (with no
     * hash: the next pass checks no parent), the checkpoint takes {@code genesisHash} and a new epoch.
     *
     * @return the number of facts retracted
     */
    int startOver(UnitOfWork uow, ChainSettings chain, long restartBlock, String genesisHash) {
        int retracted = rewind(uow, chain, restartBlock, null);
        long chainId = chain.id();
        uow.exec("delete from lp_position where chain_id = $1", chainId);
        uow.exec("delete from lp_pool where chain_id = $1", chainId);
        uow.exec("delete from lp_block where chain_id = $1", chainId);
        checkpoints.newEpoch(uow, chainId, genesisHash);
        return retracted;
    }

    /** The facts not stored yet (nor earlier in the list): written once. */
    private List<Fact> unseen(Sql sql, List<Fact> facts, int epoch) {
        if (facts.isEmpty()) {
            return facts;
        }
        UUID[] ids = facts.stream().map(f -> f.eventId(epoch)).toArray(UUID[]::new);
        Set<UUID> taken = new HashSet<>(sql.list("select event_id from lp_position_fact where event_id = any($1)",
                Tuple.of((Object) ids), r -> r.getUUID(0)));
        return facts.stream().filter(f -> taken.add(f.eventId(epoch))).toList();
    }

    private void upsertPositions(UnitOfWork uow, ChainSettings chain, Iterable<Position> positions,
            Map<String, LpValued> valuations, long block) {
        List<Tuple> rows = new ArrayList<>();
        for (Position p : positions) {
            LpValued v = valuations.get(p.tokenId());
            rows.add(Tuple.tuple(List.of(chain.id(), chain.positionManager(), p.tokenId(), p.owner(),
                    p.status().name(), p.pool(), p.followed(), new JsonObject(PositionJson.write(p)),
                    v == null ? JsonObject.of() : new JsonObject(PositionJson.write(v)), v != null, block)));
        }
        uow.batch("insert into lp_position (chain_id, position_manager, token_id, owner, status, pool, followed,"
                + " state, valuation, updated_block) values ($1, $2, $3, $4, $5, $6, $7, $8,"
                + " case when $10 then $9::jsonb end, $11)"
                + " on conflict (chain_id, position_manager, token_id) do update set owner = excluded.owner,"
                + " status = excluded.status, followed = excluded.followed, state = excluded.state,"
                + " valuation = coalesce(excluded.valuation, lp_position.valuation),"
                + " updated_block = excluded.updated_block, updated_at = now()", rows);
    }

    private void upsertPools(UnitOfWork uow, long chainId, Iterable<PoolState> pools) {
        List<Tuple> rows = new ArrayList<>();
        for (PoolState p : pools) {
            rows.add(Tuple.of(chainId, p.address, new JsonObject(PositionJson.write(p))));
        }
        uow.batch("insert into lp_pool (chain_id, address, state) values ($1, $2, $3)"
                + " on conflict (chain_id, address) do update set state = excluded.state", rows);
    }

    private void saveBlocks(UnitOfWork uow, long chainId, Iterable<BlockHeader> headers) {
        List<Tuple> rows = new ArrayList<>();
        for (BlockHeader h : headers) {
            rows.add(Tuple.from(Arrays.asList(chainId, h.number(), h.hash(), h.parentHash(), Sql.utc(h.time()))));
        }
        uow.batch("insert into lp_block (chain_id, block_number, block_hash, parent_hash, block_time)"
                + " values ($1, $2, $3, $4, $5) on conflict (chain_id, block_number) do update"
                + " set block_hash = excluded.block_hash, parent_hash = excluded.parent_hash,"
                + " block_time = excluded.block_time", rows);
    }

    private static String json(Row row, int column) {
        Object value = row.getValue(column);
        return value instanceof JsonObject o ? o.encode() : String.valueOf(value);
    }
}
