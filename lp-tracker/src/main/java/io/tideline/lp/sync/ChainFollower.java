package io.tideline.lp.sync;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.events.lp.TokenRef;
import io.tideline.lp.chain.BatchReader;
import io.tideline.evm.BlockHeader;
import io.tideline.evm.RpcClient;
import io.tideline.lp.config.OnNewChain;
import io.tideline.lp.config.TrackerConfig;
import io.tideline.lp.position.PoolState;
import io.tideline.lp.position.Position;
import io.tideline.lp.position.ValuationPolicy;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.sql.BlockingTransaction;
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
 */
@ApplicationScoped
public class ChainFollower {

    private static final Logger LOG = Logger.getLogger(ChainFollower.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How often the genesis is compared again while there is nothing to do: a chain replaced by another of the same
     * height or lower (a restarted local chain) shows no parent hash to mismatch until it outgrows the checkpoint.
     */
    private static final Duration GENESIS_RECHECK = Duration.ofSeconds(30);

    private final TrackerConfig config;
    private final SchemaMigration schema;
    private final BlockingTransaction tx;
    private final TrackerStore store = new TrackerStore(DB_TIMEOUT);
    private final ChainSettings.Resolution resolution;
    private final ValuationPolicy valuationPolicy;
    private final OnNewChain onNewChain;

    private RpcClient rpc;
    private BatchReader reader;
    private PollingWorker worker;
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

    public ChainFollower(TrackerConfig config, SchemaMigration schema, Pool pool) {
        this.config = config;
        this.schema = schema;
        this.tx = new BlockingTransaction(pool, DB_TIMEOUT);
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

    public Optional<ChainSettings> settings() {
        return resolution.settings();
    }

    /** The configured chain id (also when the follower does not run). */
    public long chainId() {
        return config.chain().id();
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

    public synchronized void stop() {
        if (worker != null) {
            worker.stop(DB_TIMEOUT);
            worker = null;
        }
        if (rpc != null) {
            rpc.close();
        }
    }

    /** Loads the book if needed (after a start or a failure), then one pass; true if there is more to do. */
    private boolean pass(ChainSettings chain) {
        if (!schema.isMigrated()) {
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
        TrackerStore.Checkpoint cp = tx.run(c -> store.checkpoint(c, chain.id()))
                .orElse(new TrackerStore.Checkpoint(config.sync().startBlock() - 1, null, null, 0));
        checkpoint = cp.block();
        if (confirmedHead <= cp.block() && System.nanoTime() - genesisCheckedAt >= GENESIS_RECHECK.toNanos()
                && checkGenesis(chain)) {
            return true; // another chain, now followed from the start
        }
        Map<String, Long> wallets = tx.run(c -> store.wallets(c, chain.id()));
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
        tx.run(c -> {
            store.write(c, chain, result, true, config.sync().reorgHistory(), genesis, cp.epoch());
            if (!main.isEmpty()) {
                store.walletsSynced(c, chain.id(), main, to);
            }
            return null;
        });
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
        Map<String, Position> own = tx.run(c -> store.followedPositions(c, chain.id(), chain.positionManager(),
                wallets));
        Map<String, PoolState> ownPools = new LinkedHashMap<>();
        pools.forEach((address, pool) -> ownPools.put(address, new PoolState(address, pool.token0, pool.token1,
                pool.fee)));
        PassResult result = new SyncPass(chain, rpc, reader, tokens, wallets, own, ownPools,
                valuationPolicy).run(from, to);
        PassResult withoutPrices = new PassResult(result.from(), result.to(), result.headers(), result.facts(),
                result.valuations(), List.of(), result.changedPositions(),
                ownPools.values().stream().filter(p -> !pools.containsKey(p.address)).toList());
        tx.run(c -> {
            store.write(c, chain, withoutPrices, false, config.sync().reorgHistory(), genesis, epoch);
            store.walletsSynced(c, chain.id(), wallets, to);
            return null;
        });
        status = status("CATCHING_UP", "backfilling " + String.join(", ", wallets) + " at blocks " + from + ".."
                + to + " of " + upTo);
        if (to >= upTo) {
            LOG.infof("wallets %s caught up with block %d", wallets, upTo);
            loadBook(chain);
        }
    }

    private void rewindAfterReorg(ChainSettings chain, long from) {
        List<TrackerStore.StoredBlock> stored = tx.run(c -> store.recentBlocks(c, chain.id(),
                config.sync().reorgHistory()));
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
        int undone = tx.run(c -> store.rewind(c, chain, forkBlock, fork.get().hash()));
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
        Optional<TrackerStore.Checkpoint> cp = tx.run(c -> store.checkpoint(c, chain.id()));
        String recorded = cp.map(TrackerStore.Checkpoint::genesisHash).orElse(null);
        switch (ChainIdentity.judge(recorded, nodeGenesis, onNewChain)) {
            case SAME -> {
                genesis = nodeGenesis;
                return false;
            }
            case RECORD -> {
                genesis = nodeGenesis;
                if (cp.isPresent()) {
                    tx.run(c -> {
                        store.recordGenesis(c, chain.id(), nodeGenesis);
                        return null;
                    });
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
        Restart restart = tx.run(c -> {
            long block = RewindPoint.restartBlock(config.sync().startBlock(), store.lowestFactBlock(c, chain.id()));
            return new Restart(block, store.startOver(c, chain, block, genesis));
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
        tx.run(c -> {
            long synced = store.checkpoint(c, chain.id()).map(TrackerStore.Checkpoint::block)
                    .orElse(config.sync().startBlock() - 1);
            for (String wallet : configured) {
                store.addWalletIfAbsent(c, chain.id(), wallet.trim().toLowerCase(Locale.ROOT),
                        Math.min(synced, config.sync().startBlock() - 1));
            }
            return null;
        });
    }

    private void loadBook(ChainSettings chain) {
        tx.run(c -> {
            long checkpointBlock = store.checkpoint(c, chain.id()).map(TrackerStore.Checkpoint::block)
                    .orElse(config.sync().startBlock() - 1);
            Set<String> caughtUp = store.wallets(c, chain.id()).entrySet().stream()
                    .filter(e -> e.getValue() >= checkpointBlock)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            positions = store.followedPositions(c, chain.id(), chain.positionManager(), caughtUp);
            pools = store.pools(c, chain.id());
            return null;
        });
        pools.values().forEach(p -> {
            tokens.put(p.token0.address(), p.token0);
            tokens.put(p.token1.address(), p.token1);
        });
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
