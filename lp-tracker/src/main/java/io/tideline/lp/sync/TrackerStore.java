package io.tideline.lp.sync;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventPayload;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.evm.BlockHeader;
import io.tideline.lp.position.Fact;
import io.tideline.lp.position.PoolState;
import io.tideline.lp.position.Position;
import io.tideline.lp.position.PositionJson;
import io.tideline.messaging.outbox.Outbox;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The tracker's tables, written from the follower's thread inside a transaction it owns: state, history and the
 * events they cause go in together (the outbox), or not at all.
 */
final class TrackerStore {

    static final String SOURCE = "lp-tracker";

    private final Duration timeout;

    TrackerStore(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The last block fully processed.
     *
     * @param hash its hash, null when the next pass is the first on this chain (nothing to check its parent against)
     * @param genesisHash the chain's block 0 hash, null if not recorded yet
     * @param epoch how often the book started over (a reorg deeper than the remembered blocks, a new chain): part of
     *              the event id of every fact derived since, so that a fact published again after its retraction is a
     *              new event
     */
    record Checkpoint(long block, String hash, String genesisHash, int epoch) {
    }

    record StoredBlock(long number, String hash) {
    }

    Optional<Checkpoint> checkpoint(SqlConnection c, long chainId) {
        RowSet<Row> rows = c.preparedQuery("select block_number, block_hash, genesis_hash, epoch from lp_checkpoint"
                        + " where chain_id = $1")
                .execute(Tuple.of(chainId)).await().atMost(timeout);
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row r = rows.iterator().next();
        return Optional.of(new Checkpoint(r.getLong(0), r.getString(1), r.getString(2), r.getInteger(3)));
    }

    /** Records the chain's genesis hash with a checkpoint stored without one. */
    void recordGenesis(SqlConnection c, long chainId, String genesisHash) {
        c.preparedQuery("update lp_checkpoint set genesis_hash = $2 where chain_id = $1 and genesis_hash is null")
                .execute(Tuple.of(chainId, genesisHash)).await().atMost(timeout);
    }

    /** The lowest block with a fact not retracted, if any. */
    OptionalLong lowestFactBlock(SqlConnection c, long chainId) {
        Row r = c.preparedQuery("select min(block_number) from lp_position_fact where chain_id = $1"
                        + " and retracted_at is null")
                .execute(Tuple.of(chainId)).await().atMost(timeout).iterator().next();
        return r.getLong(0) == null ? OptionalLong.empty() : OptionalLong.of(r.getLong(0));
    }

    /** Watched wallets and the block each is synced to. */
    Map<String, Long> wallets(SqlConnection c, long chainId) {
        Map<String, Long> wallets = new LinkedHashMap<>();
        c.preparedQuery("select address, synced_to from lp_wallet where chain_id = $1 order by address")
                .execute(Tuple.of(chainId)).await().atMost(timeout)
                .forEach(r -> wallets.put(r.getString(0), r.getLong(1)));
        return wallets;
    }

    void addWalletIfAbsent(SqlConnection c, long chainId, String address, long syncedTo) {
        c.preparedQuery("insert into lp_wallet (chain_id, address, synced_to) values ($1, $2, $3)"
                        + " on conflict do nothing")
                .execute(Tuple.of(chainId, address, syncedTo)).await().atMost(timeout);
    }

    void walletsSynced(SqlConnection c, long chainId, Set<String> addresses, long block) {
        c.preparedQuery("update lp_wallet set synced_to = $3 where chain_id = $1 and address = any($2)")
                .execute(Tuple.of(chainId, addresses.toArray(String[]::new), block)).await().atMost(timeout);
    }

    /** Followed positions owned by these wallets (all wallets when null). */
    Map<String, Position> followedPositions(SqlConnection c, long chainId, String positionManager,
            Set<String> owners) {
        Map<String, Position> positions = new LinkedHashMap<>();
        c.preparedQuery("select token_id, state from lp_position where chain_id = $1 and position_manager = $2"
                        + " and followed and ($3::text[] is null or owner = any($3))")
                .execute(Tuple.of(chainId, positionManager, owners == null ? null : owners.toArray(String[]::new)))
                .await().atMost(timeout)
                .forEach(r -> positions.put(r.getString(0), PositionJson.read(json(r, 1), Position.class)));
        return positions;
    }

    Map<String, PoolState> pools(SqlConnection c, long chainId) {
        Map<String, PoolState> pools = new LinkedHashMap<>();
        c.preparedQuery("select address, state from lp_pool where chain_id = $1").execute(Tuple.of(chainId))
                .await().atMost(timeout)
                .forEach(r -> pools.put(r.getString(0), PositionJson.read(json(r, 1), PoolState.class)));
        return pools;
    }

    List<StoredBlock> recentBlocks(SqlConnection c, long chainId, int limit) {
        List<StoredBlock> blocks = new ArrayList<>();
        c.preparedQuery("select block_number, block_hash from lp_block where chain_id = $1"
                        + " order by block_number desc limit $2")
                .execute(Tuple.of(chainId, limit)).await().atMost(timeout)
                .forEach(r -> blocks.add(new StoredBlock(r.getLong(0), r.getString(1))));
        return blocks;
    }

    /**
     * Writes a pass: facts not written before (and their events), positions, pools, blocks, the new checkpoint (with
     * the chain's genesis hash if it has none yet). Fact ids are those of {@code epoch}.
     */
    int write(SqlConnection c, ChainSettings chain, PassResult pass, boolean advanceCheckpoint, int keepBlocks,
            String genesisHash, int epoch) {
        List<Fact> fresh = unseen(c, pass.facts(), epoch);
        List<EventEnvelope<?>> events = new ArrayList<>();
        if (!fresh.isEmpty()) {
            List<Tuple> rows = new ArrayList<>();
            for (Fact f : fresh) {
                ChainRef at = f.at();
                rows.add(Tuple.tuple(List.of(chain.id(), f.position().positionManager(), f.position().tokenId(),
                        f.eventId(epoch), f.type(), at.blockNumber(), at.blockHash(), at.txHash(), at.logIndex(),
                        utc(at.blockTime()), new JsonObject(PositionJson.write(f.payload())),
                        new JsonObject(f.stateAfter()))));
                events.add(EventEnvelope.identified(f.eventId(epoch), at.blockTime(), SOURCE, f.position().key(),
                        f.payload()));
            }
            c.preparedQuery("insert into lp_position_fact (chain_id, position_manager, token_id, event_id, event_type,"
                            + " block_number, block_hash, tx_hash, log_index, block_time, payload, state_after)"
                            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                    .executeBatch(rows).await().atMost(timeout);
        }
        BlockHeader last = pass.last();
        Map<String, LpValued> valuations = new LinkedHashMap<>();
        for (LpValued v : pass.valuations()) {
            valuations.put(v.position().tokenId(), v);
            events.add(EventEnvelope.identified(derivedId(v.position().key(), last.hash(), "LpValued", epoch),
                    v.valuedAt(), SOURCE, v.position().key(), v));
        }
        for (PriceObserved p : pass.prices()) {
            // By the swap's block hash: a reorg that puts another swap at the same height publishes its price too.
            String swapBlock = pass.headers().get(p.blockNumber()).hash();
            events.add(EventEnvelope.identified(derivedId(p.instrument(), swapBlock, "PriceObserved", epoch),
                    p.observedAt(), SOURCE, p.instrument(), p));
        }
        upsertPositions(c, chain, pass.changedPositions(), valuations, last.number());
        upsertPools(c, chain.id(), pass.pools());
        saveBlocks(c, chain.id(), pass.headers().values());
        if (advanceCheckpoint) {
            c.preparedQuery("insert into lp_checkpoint (chain_id, block_number, block_hash, genesis_hash)"
                            + " values ($1, $2, $3, $4) on conflict (chain_id) do update"
                            + " set block_number = excluded.block_number, block_hash = excluded.block_hash,"
                            + " genesis_hash = coalesce(lp_checkpoint.genesis_hash, excluded.genesis_hash),"
                            + " updated_at = now()")
                    .execute(Tuple.of(chain.id(), last.number(), last.hash(), genesisHash)).await().atMost(timeout);
            c.preparedQuery("delete from lp_block where chain_id = $1 and block_number < $2")
                    .execute(Tuple.of(chain.id(), last.number() - keepBlocks)).await().atMost(timeout);
        }
        Outbox.appendWithin(c, events, timeout);
        return events.size();
    }

    /**
     * Undoes everything after {@code forkBlock}: facts above it are retracted (and LpFactRetracted published for each),
     * positions go back to their state after their last remaining fact (or disappear if they had none), pools forget
     * their price (re-read at the fork point), wallets and the checkpoint move back.
     *
     * @return the number of facts retracted
     */
    int rewind(SqlConnection c, ChainSettings chain, long forkBlock, String forkHash) {
        long chainId = chain.id();
        RowSet<Row> undone = c.preparedQuery("update lp_position_fact set retracted_at = now()"
                        + " where chain_id = $1 and block_number > $2 and retracted_at is null"
                        + " returning id, position_manager, token_id, event_id, event_type, block_number, block_hash,"
                        + " tx_hash, log_index, block_time")
                .execute(Tuple.of(chainId, forkBlock)).await().atMost(timeout);
        List<Row> rows = new ArrayList<>();
        undone.forEach(rows::add);
        rows.sort((a, b) -> Long.compare(a.getLong("id"), b.getLong("id")));
        List<EventEnvelope<?>> events = new ArrayList<>();
        List<Tuple> marks = new ArrayList<>();
        Instant now = Instant.now();
        for (Row r : rows) {
            PositionRef ref = new PositionRef(chainId, r.getString("position_manager"), r.getString("token_id"));
            UUID retracted = r.getUUID("event_id");
            ChainRef at = new ChainRef(r.getLong("block_number"), r.getString("block_hash"), r.getString("tx_hash"),
                    r.getInteger("log_index"), r.getOffsetDateTime("block_time").toInstant());
            UUID id = Fact.retractionIdOf(retracted);
            events.add(EventEnvelope.identified(id, now, SOURCE, ref.key(),
                    new LpFactRetracted(ref, retracted, r.getString("event_type"), at, forkBlock)));
            marks.add(Tuple.of(id, r.getLong("id")));
        }
        if (!marks.isEmpty()) {
            c.preparedQuery("update lp_position_fact set retraction_event = $1 where id = $2").executeBatch(marks)
                    .await().atMost(timeout);
        }
        // Positions touched after the fork: back to the state after their last fact that stays, or gone.
        c.preparedQuery("update lp_position p set state = f.state_after, owner = f.state_after->>'owner',"
                        + " status = f.state_after->>'status', valuation = null, updated_block = f.block_number,"
                        + " followed = not coalesce((f.state_after->>'burned')::boolean, false)"
                        + "   and f.state_after->>'status' <> 'TRANSFERRED'"
                        + " from (select distinct on (token_id) position_manager, token_id, state_after, block_number"
                        + "       from lp_position_fact where chain_id = $1 and retracted_at is null"
                        + "       order by token_id, id desc) f"
                        + " where p.chain_id = $1 and p.updated_block > $2 and f.position_manager = p.position_manager"
                        + " and f.token_id = p.token_id")
                .execute(Tuple.of(chainId, forkBlock)).await().atMost(timeout);
        c.preparedQuery("delete from lp_position p where chain_id = $1 and updated_block > $2 and not exists"
                        + " (select 1 from lp_position_fact f where f.chain_id = p.chain_id"
                        + " and f.position_manager = p.position_manager and f.token_id = p.token_id"
                        + " and f.retracted_at is null)")
                .execute(Tuple.of(chainId, forkBlock)).await().atMost(timeout);
        c.preparedQuery("update lp_pool set state = state - 'sqrtPriceX96' where chain_id = $1")
                .execute(Tuple.of(chainId)).await().atMost(timeout);
        c.preparedQuery("delete from lp_block where chain_id = $1 and block_number > $2")
                .execute(Tuple.of(chainId, forkBlock)).await().atMost(timeout);
        c.preparedQuery("update lp_wallet set synced_to = $2 where chain_id = $1 and synced_to > $2")
                .execute(Tuple.of(chainId, forkBlock)).await().atMost(timeout);
        c.preparedQuery("update lp_checkpoint set block_number = $2, block_hash = $3, updated_at = now()"
                        + " where chain_id = $1")
                .execute(Tuple.of(chainId, forkBlock, forkHash)).await().atMost(timeout);
        Outbox.appendWithin(c, events, timeout);
        return rows.size();
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
    int startOver(SqlConnection c, ChainSettings chain, long restartBlock, String genesisHash) {
        int retracted = rewind(c, chain, restartBlock, null);
        long chainId = chain.id();
        c.preparedQuery("delete from lp_position where chain_id = $1").execute(Tuple.of(chainId))
                .await().atMost(timeout);
        c.preparedQuery("delete from lp_pool where chain_id = $1").execute(Tuple.of(chainId)).await().atMost(timeout);
        c.preparedQuery("delete from lp_block where chain_id = $1").execute(Tuple.of(chainId)).await().atMost(timeout);
        c.preparedQuery("update lp_checkpoint set genesis_hash = $2, epoch = epoch + 1, updated_at = now()"
                        + " where chain_id = $1")
                .execute(Tuple.of(chainId, genesisHash)).await().atMost(timeout);
        return retracted;
    }

    private List<Fact> unseen(SqlConnection c, List<Fact> facts, int epoch) {
        if (facts.isEmpty()) {
            return facts;
        }
        UUID[] ids = facts.stream().map(f -> f.eventId(epoch)).toArray(UUID[]::new);
        // Already stored, or earlier in this list: written once.
        Set<UUID> taken = new HashSet<>();
        c.preparedQuery("select event_id from lp_position_fact where event_id = any($1)").execute(Tuple.of(ids))
                .await().atMost(timeout).forEach(r -> taken.add(r.getUUID(0)));
        return facts.stream().filter(f -> taken.add(f.eventId(epoch))).toList();
    }

    private void upsertPositions(SqlConnection c, ChainSettings chain, Iterable<Position> positions,
            Map<String, LpValued> valuations, long block) {
        List<Tuple> rows = new ArrayList<>();
        for (Position p : positions) {
            LpValued v = valuations.get(p.tokenId());
            rows.add(Tuple.tuple(List.of(chain.id(), chain.positionManager(), p.tokenId(), p.owner(),
                    p.status().name(), p.pool(), p.followed(), new JsonObject(PositionJson.write(p)),
                    v == null ? JsonObject.of() : new JsonObject(PositionJson.write(v)), v != null, block)));
        }
        if (rows.isEmpty()) {
            return;
        }
        c.preparedQuery("insert into lp_position (chain_id, position_manager, token_id, owner, status, pool, followed,"
                        + " state, valuation, updated_block) values ($1, $2, $3, $4, $5, $6, $7, $8,"
                        + " case when $10 then $9::jsonb end, $11)"
                        + " on conflict (chain_id, position_manager, token_id) do update set owner = excluded.owner,"
                        + " status = excluded.status, followed = excluded.followed, state = excluded.state,"
                        + " valuation = coalesce(excluded.valuation, lp_position.valuation),"
                        + " updated_block = excluded.updated_block, updated_at = now()")
                .executeBatch(rows).await().atMost(timeout);
    }

    private void upsertPools(SqlConnection c, long chainId, Iterable<PoolState> pools) {
        List<Tuple> rows = new ArrayList<>();
        for (PoolState p : pools) {
            rows.add(Tuple.of(chainId, p.address, new JsonObject(PositionJson.write(p))));
        }
        if (rows.isEmpty()) {
            return;
        }
        c.preparedQuery("insert into lp_pool (chain_id, address, state) values ($1, $2, $3)"
                        + " on conflict (chain_id, address) do update set state = excluded.state")
                .executeBatch(rows).await().atMost(timeout);
    }

    private void saveBlocks(SqlConnection c, long chainId, Iterable<BlockHeader> headers) {
        List<Tuple> rows = new ArrayList<>();
        for (BlockHeader h : headers) {
            rows.add(Tuple.of(chainId, h.number(), h.hash(), h.parentHash(), utc(h.time())));
        }
        c.preparedQuery("insert into lp_block (chain_id, block_number, block_hash, parent_hash, block_time)"
                        + " values ($1, $2, $3, $4, $5) on conflict (chain_id, block_number) do update"
                        + " set block_hash = excluded.block_hash, parent_hash = excluded.parent_hash,"
                        + " block_time = excluded.block_time")
                .executeBatch(rows).await().atMost(timeout);
    }

    /**
     * The id of an event derived from chain state at a block (not a fact): the same in a pass done again, another in
     * another block or epoch (after a start-over the same blocks are valued again and must not collide in the outbox).
     */
    static UUID derivedId(String key, String where, String type, int epoch) {
        String name = key + "|" + where + "|" + type + (epoch == 0 ? "" : "|epoch " + epoch);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(Row row, int column) {
        Object value = row.getValue(column);
        return value instanceof JsonObject o ? o.encode() : String.valueOf(value);
    }
}
