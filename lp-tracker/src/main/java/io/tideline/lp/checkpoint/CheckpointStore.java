package io.tideline.lp.checkpoint;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;

/** The follower's checkpoint per chain ({@code lp_checkpoint}), moved in the unit of work that processed the blocks. */
@ApplicationScoped
public class CheckpointStore {

    public Optional<Checkpoint> find(Sql sql, long chainId) {
        return sql.first("select block_number, block_hash, genesis_hash, epoch from lp_checkpoint where chain_id = $1",
                Tuple.of(chainId), r -> new Checkpoint(r.getLong(0), r.getString(1), r.getString(2), r.getInteger(3)));
    }

    /**
     * Moves the checkpoint forward to {@code block} if it is still at {@code expected}, recording the chain's genesis
     * hash if it has none yet.
     *
     * @throws IllegalStateException if it has moved since the pass read it (another follower wrote it): the unit of
     *                               work rolls back, so two followers never both commit the same blocks
     */
    public void advance(UnitOfWork uow, long chainId, long expected, long block, String hash, String genesisHash) {
        int moved = uow.exec("insert into lp_checkpoint (chain_id, block_number, block_hash, genesis_hash)"
                + " values ($1, $2, $3, $4) on conflict (chain_id) do update"
                + " set block_number = excluded.block_number, block_hash = excluded.block_hash,"
                + " genesis_hash = coalesce(lp_checkpoint.genesis_hash, excluded.genesis_hash), updated_at = now()"
                + " where lp_checkpoint.block_number = $5",
                Tuple.from(Arrays.asList(chainId, block, hash, genesisHash, expected)));
        if (moved != 1) {
            throw new IllegalStateException("the checkpoint of chain " + chainId + " is no longer at block " + expected
                    + " (another follower moved it): blocks up to " + block + " are not written");
        }
    }

    /** Back to {@code block} (a reorg's fork block; {@code hash} null after a start-over). */
    public void rewind(UnitOfWork uow, long chainId, long block, String hash) {
        uow.exec("update lp_checkpoint set block_number = $2, block_hash = $3, updated_at = now() where chain_id = $1",
                Tuple.from(Arrays.asList(chainId, block, hash)));
    }

    /** A new epoch on the chain with {@code genesisHash} (after a start-over). */
    public void newEpoch(UnitOfWork uow, long chainId, String genesisHash) {
        uow.exec("update lp_checkpoint set genesis_hash = $2, epoch = epoch + 1, updated_at = now()"
                + " where chain_id = $1", chainId, genesisHash);
    }

    /** Records the chain's genesis hash with a checkpoint stored without one. */
    public void recordGenesis(UnitOfWork uow, long chainId, String genesisHash) {
        uow.exec("update lp_checkpoint set genesis_hash = $2 where chain_id = $1 and genesis_hash is null", chainId,
                genesisHash);
    }
}
