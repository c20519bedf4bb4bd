package io.tideline.lp.sync;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.events.lp.TokenRef;
import io.tideline.evm.BlockHeader;
import io.tideline.evm.RpcClient;
import io.tideline.lp.chain.BatchReader;
import io.tideline.lp.checkpoint.Checkpoint;
import io.tideline.lp.checkpoint.CheckpointStore;
import io.tideline.lp.config.OnNewChain;
import io.tideline.lp.config.TrackerConfig;
import io.tideline.lp.position.PoolState;
import io.tideline.lp.position.Position;
import io.tideline.lp.position.ValuationPolicy;
import io.tideline.lp.wallet.WalletStore;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Follows the chain on its own thread: each pass takes the next confirmed block range, applies it and commits state,
 * history, events and checkpoint in one transaction. A parent-hash mismatch means a reorg: the follower finds the
 * fork point among the blocks it remembers, rewinds to it (retracting what it had published) and goes on; when it
 * remembers none of the blocks still on the chain it starts over after the start block. Wallets added with a
 * backfill block catch up in passes of their own before they join the main pass.
 *
 * <p>The chain is the one whose genesis (block 0) hash is stored with the checkpoint. A node on another chain is
 * refused ({@code tideline.lp.chain.on-new-chain=fail}) or followed from the start block after everything is
 * retracted ({@code start-over}); it is checked when the book is loaded, when a parent hash does not match, and every
 * 30 s while the follower has nothing to do.
 *
 * <p>One instance follows a chain at a time: the one holding its {@link LeaderLock}. The others stand by (STANDBY in
 * the sync status; ready), trying for the lock every poll interval, and the first to get it when the leader's
 * database connection ends (it stopped, died or lost the database) loads the book and follows on from the checkpoint.
 */
@ApplicationScoped
public class ChainFollower {

    private static final Logger LOG = Logger.getLogger(ChainFollower.class);
    /**
     * How often the genesis is compared again while there is nothing to do: a chain replaced by another of the same
     * height or lower (a restarted local chain) shows no parent hash to mismatch until it outgrows the checkpoint.
     */
    private static final Duration GENESIS_RECHECK = Duration.ofSeconds(30);

    private final TrackerConfig config;
    private final SchemaMigration schema;
    private final Transactions transactions;
    private final Sql reads;
    private final TrackerStore store;
    private final CheckpointStore checkpoints;
    private final WalletStore walletStore;
    private final Pool pool;
    private final ChainSettings.Resolution resolution;
    private final ValuationPolicy valuationPolicy;
    private final OnNewChain onNewChain;

    private RpcClient rpc;
    private BatchReader reader;
    private PollingWorker worker;
    /** Held while this instance follows the chain; null while it stands by. */
    private volatile LeaderLock leadership;
    /** When this instance last lost its lock with the connection (System.nanoTime), or 0. */
    private long lockLostAt;
    private volatile boolean loaded;
    private volatile FollowerStatus status;
    /** The node's genesis hash, read when the book is loaded, and when it was last compared. */
    private String genesis;
    private long genesisCheckedAt;

    private final Map<String, TokenRef> tokens = new HashMap<>();
    private Map<String, Position> positions = new LinkedHashMap<>();
    private Map<String, PoolState> pools = new LinkedHashMap<>();
    private long passes;
    private long blocks;
    private long reorgs;
    private long retracted;
    private long confirmedHead = -1;
    private long checkpoint = -1;

    public ChainFollower(TrackerConfig config, SchemaMigration schema, Transactions transactions, TrackerStore store,
            CheckpointStore checkpoints, WalletStore walletStore, Pool pool) {
        this.config = config;
        this.schema = schema;
        this.transactions = transactions;
        this.reads = transactions.reads();
        this.store = store;
        this.checkpoints = checkpoints;
        this.walletStore = walletStore;
        this.pool = pool;
        this.resolution = ChainSettings.resolve(config.chain());
        this.valuationPolicy = new ValuationPolicy(config.sync().valuationInterval(),
                config.sync().valuationPriceMove());
        this.onNewChain = config.chain().onNewChain();
        this.status = status("STARTING", "");
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.sync().enabled()) {
            status = status("DISABLED", "tideline.lp.sync.enabled=false");
        } else if (resolution.settings().isEmpty()) {
            status = status("DISABLED", "chain not configured: " + resolution.problem());
            LOG.warnf("lp-tracker does not follow a chain: %s", resolution.problem());
        } else {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public FollowerStatus status() {
        return status;
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        ChainSettings chain = resolution.settings().orElseThrow();
        rpc = new RpcClient(chain.rpcUrl(), config.chain().rpcTimeout());
        reader = new BatchReader(rpc, chain.multicall3(), config.sync().multicallChunk());
        worker = new PollingWorker("lp-chain-follower", () -> pass(chain), config.sync().pollInterval(),
                config.sync().maxBackoff(), this::failed);
        worker.start();
    }

    /** Stops following (waiting for the pass in progress) and gives the chain up to a standby, if any. */
    public synchronized void stop() {
        if (worker != null) {
            // A pass waits on statements of at most the statement timeout each; the one in progress is let finish.
            worker.stop(transactions.timeout());
            worker = null;
        }
        if (leadership != null) {
            leadership.close();
            leadership = null;
        }
        if (rpc != null) {
            rpc.close();
        }
    }

    /** Loads the book if needed (after a start or a failure), then one pass; true if there is more to do. */
    private boolean pass(ChainSettings chain) {
        if (!schema.isMigrated() || !lead(chain)) {
            return false;
        }
        if (!loaded) {
            verifyChainId(chain);
            checkGenesis(chain);
            seedWallets(chain);
            loadBook(chain);
            loaded = true;
        }
        return step(chain);
    }

    /**
     * Whether this instance leads (holds the chain's {@link LeaderLock}), taking the lock if it is free; a standby
     * says so in its status. A lock lost with its connection is given up, and this instance then leaves a standby
     * {@code max-backoff} to take over (its own database connection is the likelier culprit) before it tries again.
     */
    private boolean lead(ChainSettings chain) {
        if (leadership != null && leadership.held()) {
            return true;
        }
        if (leadership != null) {
            leadership.close();
            leadership = null;
            loaded = false;
            lockLostAt = System.nanoTime();
            LOG.warnf("lost the follower lock of chain %d with its database connection: no longer following it",
                    chain.id());
        }
        if (lockLostAt != 0 && System.nanoTime() - lockLostAt < config.sync().maxBackoff().toNanos()) {
            status = status("STANDBY", "lost the follower lock of chain " + chain.id() + " with its database"
                    + " connection; another instance may take over, this one tries again in a moment");
            return false;
        }
        lockLostAt = 0;
        Optional<LeaderLock> lock = LeaderLock.tryAcquire(pool, chain.id(), transactions.timeout());
        if (lock.isEmpty()) {
            checkpoint = checkpoint(chain).block();
            if (!"STANDBY".equals(status.state())) {
                LOG.infof("another instance follows chain %d: standing by", chain.id());
            }
            status = status("STANDBY", "another instance follows chain " + chain.id() + "; this one takes over when"
                    + " that one stops");
            return false;
        }
        leadership = lock.get();
        loaded = false;
        LOG.infof("following chain %d (this instance holds its follower lock)", chain.id());
        return true;
    }

    /** @throws IllegalStateException once the follower lock is lost: what the pass found is not written */
    private void ensureLeader() {
        if (leadership == null || !leadership.held()) {
            throw new IllegalStateException("the follower lock was lost during the pass: nothing of it is written");
        }
    }

    private void failed(RuntimeException e) {
        loaded = false;
        // The worker logs it, with the pause before the retry; readiness and the sync status get a sentence only.
        status = status("FAILING", FailureText.of(e, node()));
    }

    /** One pass; true if there is more to do right away. */
    boolean step(ChainSettings chain) {
        long started = System.nanoTime();
        long roundTripsBefore = rpc.roundTrips();
        long readsBefore = reader.roundTrips();
        long waitBefore = rpc.waitNanos();
        long head = rpc.blockNumber();
        confirmedHead = head - config.sync().confirmations();
        Checkpoint cp = checkpoint(chain);
        checkpoint = cp.block();
        if (confirmedHead <= cp.block() && System.nanoTime() - genesisCheckedAt >= GENESIS_RECHECK.toNanos()
                && checkGenesis(chain)) {
            return true; // another chain, now followed from the start
        }
        Map<String, Long> wallets = walletStore.syncedTo(reads, chain.id());
        Map<Long, Set<String>> behind = new TreeMap<>();
        wallets.forEach((address, synced) -> {
            if (synced < cp.block()) {
                behind.computeIfAbsent(synced, s -> new TreeSet<>()).add(address);
            }
        });
        if (!behind.isEmpty()) {
            var first = behind.entrySet().iterator().next();
            backfill(chain, first.getValue(), first.getKey() + 1, cp.block(), cp.epoch());
            return true;
        }
        if (confirmedHead <= cp.block()) {
            status = status("FOLLOWING", "at block " + cp.block());
            return false;
        }
        long from = cp.block() + 1;
        long to = Math.min(confirmedHead, cp.block() + config.sync().maxBlockRange());
        Set<String> main = wallets.keySet();
        SyncPass pass = new SyncPass(chain, rpc, reader, tokens, main, positions, pools, valuationPolicy);
        PassResult result = pass.run(from, to);
        if (cp.hash() != null && !result.first().parentHash().equals(cp.hash())) {
            if (!checkGenesis(chain)) { // another chain is no reorg: checked first
                rewindAfterReorg(chain, from);
            }
            return true;
        }
        long applied = System.nanoTime();
        ensureLeader();
        transactions.execute(uow -> store.writePass(uow, chain, result, cp.block(), main,
                config.sync().reorgHistory(), genesis, cp.epoch()));
        dropUnfollowed();
        passes++;
        blocks += to - from + 1;
        checkpoint = to;
        long done = System.nanoTime();
        status = status(to < confirmedHead ? "CATCHING_UP" : "FOLLOWING", "processed blocks " + from + ".." + to,
                new PassFigures(from, to, (done - started) / 1e6, (applied - started) / 1e6,
                        (rpc.waitNanos() - waitBefore) / 1e6, (done - applied) / 1e6,
                        rpc.roundTrips() - roundTripsBefore, reader.roundTrips() - readsBefore, positions.size(),
                        result.facts().size(), result.valuations().size()));
        return to < confirmedHead;
    }

    private void backfill(ChainSettings chain, Set<String> wallets, long from, long upTo, int epoch) {
        long to = Math.min(upTo, from + config.sync().maxBlockRange() - 1);
        Map<String, Position> own = store.followedPositions(reads, chain.id(), chain.positionManager(), wallets);
        Map<String, PoolState> ownPools = new LinkedHashMap<>();
        pools.forEach((address, known) -> ownPools.put(address, new PoolState(address, known.token0, known.token1,
                known.fee)));
        PassResult result = new SyncPass(chain, rpc, reader, tokens, wallets, own, ownPools,
                valuationPolicy).run(from, to);
        PassResult withoutPrices = new PassResult(result.from(), result.to(), result.headers(), result.facts(),
                result.valuations(), List.of(), result.changedPositions(),
                ownPools.values().stream().filter(p -> !pools.containsKey(p.address)).toList());
        ensureLeader();
        transactions.execute(uow -> store.writeBackfill(uow, chain, withoutPrices, wallets, epoch));
        status = status("CATCHING_UP", "backfilling " + String.join(", ", wallets) + " at blocks " + from + ".."
                + to + " of " + upTo);
        if (to >= upTo) {
            LOG.infof("wallets %s caught up with block %d", wallets, upTo);
            loadBook(chain);
        }
    }

    private void rewindAfterReorg(ChainSettings chain, long from) {
        List<TrackerStore.StoredBlock> stored = store.recentBlocks(reads, chain.id(), config.sync().reorgHistory());
        List<BlockHeader> current = rpc.headers(stored.stream().map(TrackerStore.StoredBlock::number).toList());
        Optional<RewindPoint> fork = RewindPoint.find(stored, current);
        if (fork.isEmpty()) {
            Restart restart = startOver(chain);
            reorgs++;
            LOG.errorf("chain reorganised below block %d, deeper than the follower remembers (none of the %d blocks"
                    + " it kept is on the chain any more): started over after block %d, %d facts retracted", from,
                    stored.size(), restart.block(), restart.retracted());
            return;
        }
        long forkBlock = fork.get().block();
        ensureLeader();
        int undone = transactions.run(uow -> store.rewind(uow, chain, forkBlock, fork.get().hash()));
        reorgs++;
        retracted += undone;
        LOG.warnf("chain reorganised below block %d: rewound to fork block %d, %d facts retracted", from, forkBlock,
                undone);
        loadBook(chain);
    }

    /**
     * Compares the node's genesis with the checkpoint's ({@link ChainIdentity}): records it if the checkpoint has
     * none, refuses another chain or starts over on it.
     *
     * @return whether the book started over (on another chain)
     */
    private boolean checkGenesis(ChainSettings chain) {
        String nodeGenesis = rpc.headers(List.of(0L)).get(0).hash();
        genesisCheckedAt = System.nanoTime();
        Optional<Checkpoint> cp = checkpoints.find(reads, chain.id());
        String recorded = cp.map(Checkpoint::genesisHash).orElse(null);
        switch (ChainIdentity.judge(recorded, nodeGenesis, onNewChain)) {
            case SAME -> {
                genesis = nodeGenesis;
                return false;
            }
            case RECORD -> {
                genesis = nodeGenesis;
                if (cp.isPresent()) {
                    transactions.execute(uow -> checkpoints.recordGenesis(uow, chain.id(), nodeGenesis));
                    LOG.infof("checkpoint of chain %d recorded with genesis %s (it had none)", chain.id(),
                            nodeGenesis);
                }
                return false;
            }
            case REFUSE -> throw new ChainMismatchException(ChainIdentity.differentChain(nodeGenesis, recorded));
            default -> {
                genesis = nodeGenesis;
                Restart restart = startOver(chain);
                LOG.warnf("the node at %s runs a different chain (genesis %s, the checkpoint's %s) and"
                        + " tideline.lp.chain.on-new-chain=start-over: %d facts retracted, following it after block"
                        + " %d", chain.node(), nodeGenesis, recorded, restart.retracted(), restart.block());
                return true;
            }
        }
    }

    private record Restart(long block, int retracted) {
    }

    /** {@link TrackerStore#startOver} after {@link RewindPoint#restartBlock}, then the book reloaded (empty). */
    private Restart startOver(ChainSettings chain) {
        ensureLeader();
        Restart restart = transactions.run(uow -> {
            long block = RewindPoint.restartBlock(config.sync().startBlock(), store.lowestFactBlock(uow, chain.id()));
            return new Restart(block, store.startOver(uow, chain, block, genesis));
        });
        retracted += restart.retracted();
        checkpoint = restart.block();
        tokens.clear();
        loadBook(chain);
        return restart;
    }

    private void verifyChainId(ChainSettings chain) {
        long actual = rpc.chainId();
        if (actual != chain.id()) {
            throw new ChainMismatchException("the node at " + chain.node() + " is chain " + actual
                    + ", configured tideline.lp.chain.id is " + chain.id());
        }
    }

    private void seedWallets(ChainSettings chain) {
        List<String> configured = config.watchedWallets().orElse(List.of());
        if (configured.isEmpty()) {
            return;
        }
        transactions.execute(uow -> {
            long synced = Math.min(checkpoint(chain).block(), config.sync().startBlock() - 1);
            for (String wallet : configured) {
                walletStore.addIfAbsent(uow, chain.id(), wallet.trim().toLowerCase(Locale.ROOT), synced);
            }
        });
    }

    private void loadBook(ChainSettings chain) {
        long checkpointBlock = checkpoint(chain).block();
        Set<String> caughtUp = walletStore.syncedTo(reads, chain.id()).entrySet().stream()
                .filter(e -> e.getValue() >= checkpointBlock)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        positions = store.followedPositions(reads, chain.id(), chain.positionManager(), caughtUp);
        pools = store.pools(reads, chain.id());
        pools.values().forEach(p -> {
            tokens.put(p.token0.address(), p.token0);
            tokens.put(p.token1.address(), p.token1);
        });
    }

    /** The stored checkpoint, or the one before the start block on a first start. */
    private Checkpoint checkpoint(ChainSettings chain) {
        return checkpoints.find(reads, chain.id()).orElse(Checkpoint.before(config.sync().startBlock()));
    }

    /** The node as it may be shown, or null when none is configured. */
    private String node() {
        return resolution.settings().map(ChainSettings::node).orElse(null);
    }

    private void dropUnfollowed() {
        positions.values().removeIf(p -> !p.followed());
    }

    private FollowerStatus status(String state, String detail) {
        return status(state, detail, status == null ? PassFigures.NONE : status.lastPass());
    }

    private FollowerStatus status(String state, String detail, PassFigures lastPass) {
        return new FollowerStatus(state, detail, node(), checkpoint, confirmedHead, passes, blocks, reorgs, retracted,
                rpc == null ? 0 : rpc.roundTrips(), rpc == null ? 0 : rpc.requests(), lastPass, Instant.now());
    }
}
