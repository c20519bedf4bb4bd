package io.tideline.lp.wallet;

import io.tideline.lp.checkpoint.Checkpoint;
import io.tideline.lp.checkpoint.CheckpointStore;
import io.tideline.lp.config.TrackerConfig;
import io.tideline.messaging.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Which owner wallets the follower watches on the configured chain: a wallet added now is followed from the checkpoint
 * on, or backfilled from an earlier block (it catches up in passes of its own, then joins the main pass).
 */
@ApplicationScoped
public class WatchedWallets {

    /** What watching a wallet came to. */
    public enum Outcome {
        ADDED,
        ALREADY_WATCHED,
        /** The backfill block is beyond the next block the follower processes: there is nothing to backfill. */
        BEYOND_CHECKPOINT
    }

    /**
     * @param wallet     the wallet watched (ADDED), else null
     * @param checkpoint the follower's checkpoint, -1 before the first pass
     */
    public record Watch(Outcome outcome, Wallet wallet, long checkpoint) {
    }

    private final Transactions transactions;
    private final WalletStore wallets;
    private final CheckpointStore checkpoints;
    private final long chainId;

    public WatchedWallets(Transactions transactions, WalletStore wallets, CheckpointStore checkpoints,
            TrackerConfig config) {
        this.transactions = transactions;
        this.wallets = wallets;
        this.checkpoints = checkpoints;
        this.chainId = config.chain().id();
    }

    public List<Wallet> list() {
        return wallets.list(transactions.reads(), chainId);
    }

    /**
     * Watches {@code address} (lower-case), from the checkpoint on or, with {@code backfillFromBlock}, from that block
     * (at most the block after the checkpoint).
     */
    public Watch watch(String address, String label, Long backfillFromBlock) {
        return transactions.run(uow -> {
            long checkpoint = checkpoints.find(uow, chainId).map(Checkpoint::block).orElse(-1L);
            long syncedTo = checkpoint;
            if (backfillFromBlock != null) {
                if (checkpoint >= 0 && backfillFromBlock > checkpoint + 1) {
                    return new Watch(Outcome.BEYOND_CHECKPOINT, null, checkpoint);
                }
                syncedTo = Math.min(checkpoint, backfillFromBlock - 1);
            }
            return wallets.insert(uow, chainId, address, label, syncedTo)
                    .map(added -> new Watch(Outcome.ADDED, added, checkpoint))
                    .orElseGet(() -> new Watch(Outcome.ALREADY_WATCHED, null, checkpoint));
        });
    }

    /** Stops watching {@code address}; its positions and their history stay. @return whether it was watched */
    public boolean forget(String address) {
        return transactions.run(uow -> wallets.delete(uow, chainId, address));
    }
}
