package io.tideline.lp.sync;

import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.TokenRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.evm.BlockHeader;
import io.tideline.evm.ChainLog;
import io.tideline.evm.LogQuery;
import io.tideline.evm.RpcClient;
import io.tideline.evm.RpcException;
import io.tideline.lp.chain.BatchReader;
import io.tideline.lp.chain.BatchReader.Read;
import io.tideline.lp.chain.LogDecoder;
import io.tideline.lp.chain.Multicall3;
import io.tideline.lp.chain.PoolAddress;
import io.tideline.lp.chain.PositionLog.Minted;
import io.tideline.lp.chain.PositionLog.Transferred;
import io.tideline.lp.chain.UniswapAbi;
import io.tideline.lp.chain.UniswapAbi.OnChainPosition;
import io.tideline.lp.position.PoolState;
import io.tideline.lp.position.Position;
import io.tideline.lp.position.PositionLifecycle;
import io.tideline.lp.position.PositionLifecycle.Discovery;
import io.tideline.lp.position.TokenValue;
import io.tideline.lp.position.ValuationPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * One pass of the chain follower over the confirmed blocks [from, to]: fetch the logs that concern the watched wallets,
 * their positions and pools, apply them in chain order, then value the positions due a valuation at {@code to}.
 *
 * <p>Round trips when nothing new appears: one for the logs, one for block headers, one batched state read
 * ({@link PassValuation}). New positions add a discovery read and a log fetch for them; a close adds a read of what
 * the position is owed.
 */
final class SyncPass {

    private static final Logger LOG = Logger.getLogger(SyncPass.class);
    private static final int TOPICS_PER_QUERY = 500;

    private final ChainSettings chain;
    private final RpcClient rpc;
    private final BatchReader reader;
    private final PoolAddress poolAddress;
    private final Map<String, TokenRef> tokens;
    private final Set<String> wallets;
    private final Map<String, Position> positions;
    private final Map<String, PoolState> pools;
    private final PassValuation valuation;
    /** New pools: the first block a watched position of theirs was seen in (the pool exists at its end). */
    private final Map<String, Long> poolFirstSeen = new HashMap<>();

    SyncPass(ChainSettings chain, RpcClient rpc, BatchReader reader, Map<String, TokenRef> tokens,
            Set<String> wallets, Map<String, Position> positions, Map<String, PoolState> pools,
            ValuationPolicy valuationPolicy) {
        this.chain = chain;
        this.rpc = rpc;
        this.reader = reader;
        this.poolAddress = new PoolAddress(chain.factory(), chain.poolInitCodeHash());
        this.tokens = tokens;
        this.wallets = wallets;
        this.positions = positions;
        this.pools = pools;
        this.valuation = new PassValuation(chain.positionManager(), reader, valuationPolicy);
    }

    PassResult run(long from, long to) {
        List<ChainLog> logs = new ArrayList<>(fetchLogs(from, to, positions.keySet(), pools.keySet(), true));
        Map<String, Discovery> discoveries = discover(logs, from);
        Set<String> newIds = new LinkedHashSet<>(discoveries.keySet());
        Set<String> newPools = new LinkedHashSet<>();
        discoveries.values().forEach(d -> newPools.add(d.pool().address));
        readUnknownPrices(from);
        if (!newIds.isEmpty()) {
            newPools.removeIf(pools.keySet()::contains);
            discoveries.values().forEach(d -> pools.putIfAbsent(d.pool().address, d.pool()));
            logs.addAll(fetchLogs(from, to, newIds, newPools, false));
            readUnknownPrices(from);
        }
        List<ChainLog> ordered = dedupe(logs);
        Map<Long, BlockHeader> headers = headers(ordered, from, to);

        PositionLifecycle lifecycle = new PositionLifecycle(chain.id(), chain.positionManager(), wallets, positions,
                pools, discoveries, this::positionsAt);
        long block = -1;
        for (ChainLog log : ordered) {
            if (log.blockNumber() != block && block >= 0) {
                lifecycle.endBlock(block);
            }
            block = log.blockNumber();
            BlockHeader header = headers.get(block);
            ChainRef at = new ChainRef(block, log.blockHash(), log.txHash(), log.logIndex(), header.time());
            LogDecoder.decode(log).ifPresent(decoded -> lifecycle.apply(decoded, at));
        }
        if (block >= 0) {
            lifecycle.endBlock(block);
        }

        BlockHeader last = headers.get(to);
        List<LpValued> valuations = valuation.value(positions.values(), pools, lifecycle.touched(),
                lifecycle.pricesMoved().keySet(), last);
        List<PriceObserved> prices = new ArrayList<>();
        lifecycle.pricesMoved().forEach((address, at) -> {
            PoolState pool = pools.get(address);
            PositionLifecycle.SwapTally swaps = lifecycle.swapTallies().get(address);
            prices.add(new PriceObserved("uniswap-v3", chain.id() + ":" + address,
                    TokenValue.published(TokenValue.price(pool.sqrtPriceX96, pool)), pool.sqrtPriceX96, pool.tick,
                    at.blockNumber(), at.blockTime(), swaps.liquidity(), swaps.volume0In(), swaps.volume1In(),
                    swaps.swaps()));
        });
        Map<String, Position> changed = new LinkedHashMap<>();
        lifecycle.touched().forEach(id -> changed.put(id, positions.get(id)));
        valuations.forEach(v -> changed.put(v.position().tokenId(), positions.get(v.position().tokenId())));
        return new PassResult(from, to, headers, lifecycle.facts(), valuations, prices, changed.values(),
                pools.values());
    }

    /** Transfers touching the watched wallets, liquidity/collect logs of the given positions, swaps of the pools. */
    private List<ChainLog> fetchLogs(long from, long to, Set<String> ids, Set<String> poolAddresses,
            boolean transfers) {
        List<LogQuery> queries = new ArrayList<>();
        List<String> npm = List.of(chain.positionManager());
        if (transfers && !wallets.isEmpty()) {
            List<String> walletTopics = wallets.stream().map(UniswapAbi::addressTopic).toList();
            queries.add(new LogQuery(npm, List.of(List.of(UniswapAbi.TRANSFER), walletTopics)));
            queries.add(new LogQuery(npm, List.of(List.of(UniswapAbi.TRANSFER), List.of(), walletTopics)));
        }
        List<String> idTopics = ids.stream().map(UniswapAbi::uintTopic).toList();
        for (int i = 0; i < idTopics.size(); i += TOPICS_PER_QUERY) {
            queries.add(new LogQuery(npm, List.of(
                    List.of(UniswapAbi.INCREASE_LIQUIDITY, UniswapAbi.DECREASE_LIQUIDITY, UniswapAbi.COLLECT),
                    idTopics.subList(i, Math.min(idTopics.size(), i + TOPICS_PER_QUERY)))));
        }
        if (!poolAddresses.isEmpty()) {
            queries.add(new LogQuery(List.copyOf(poolAddresses), List.of(List.of(UniswapAbi.SWAP))));
        }
        if (queries.isEmpty()) {
            return List.of();
        }
        List<ChainLog> all = new ArrayList<>();
        rpc.logs(queries, from, to).forEach(all::addAll);
        return all;
    }

    /** Positions arriving in a watched wallet that the pass does not follow yet: their state and pool. */
    private Map<String, Discovery> discover(List<ChainLog> logs, long from) {
        Map<String, Long> firstSeen = new LinkedHashMap<>();
        logs.stream().sorted(ChainLog.CHAIN_ORDER).forEach(log -> LogDecoder.decode(log).ifPresent(decoded -> {
            String id;
            String to;
            if (decoded instanceof Minted minted) {
                id = minted.tokenId();
                to = minted.to();
            } else if (decoded instanceof Transferred transferred) {
                id = transferred.tokenId();
                to = transferred.to();
            } else {
                return;
            }
            Position known = positions.get(id);
            if (wallets.contains(to) && (known == null || !known.followed())) {
                firstSeen.putIfAbsent(id, log.blockNumber());
            }
        }));
        if (firstSeen.isEmpty()) {
            return Map.of();
        }
        List<String> ids = List.copyOf(firstSeen.keySet());
        List<Read> reads = new ArrayList<>();
        for (String id : ids) {
            reads.add(new Read(chain.positionManager(), UniswapAbi.positions(id), firstSeen.get(id)));
        }
        List<Multicall3.Result> results = reader.read(reads);
        Map<String, OnChainPosition> found = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (results.get(i).success()) {
                found.put(ids.get(i), UniswapAbi.decodePosition(results.get(i).words()));
            } else {
                LOG.warnf("position %s no longer exists at the end of block %d (minted and burned in one block);"
                        + " it is not tracked", ids.get(i), firstSeen.get(ids.get(i)));
            }
        }
        // Token metadata does not change; read it where every token surely exists: the last arrival block.
        readTokens(found.values(), firstSeen.values().stream().mapToLong(Long::longValue).max().orElse(from));
        Map<String, Discovery> discoveries = new LinkedHashMap<>();
        found.forEach((id, onChain) -> {
            String address = poolAddress.of(onChain.token0(), onChain.token1(), onChain.fee());
            PoolState pool = pools.getOrDefault(address, new PoolState(address, tokens.get(onChain.token0()),
                    tokens.get(onChain.token1()), onChain.fee()));
            discoveries.put(id, new Discovery(onChain, pool));
            poolFirstSeen.merge(address, firstSeen.get(id), Math::min);
        });
        return discoveries;
    }

    private void readTokens(Iterable<OnChainPosition> found, long block) {
        Set<String> unknown = new TreeSet<>();
        for (OnChainPosition p : found) {
            if (!tokens.containsKey(p.token0())) {
                unknown.add(p.token0());
            }
            if (!tokens.containsKey(p.token1())) {
                unknown.add(p.token1());
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        List<String> addresses = List.copyOf(unknown);
        List<Read> reads = new ArrayList<>();
        for (String token : addresses) {
            reads.add(new Read(token, UniswapAbi.decimals(), block));
            reads.add(new Read(token, UniswapAbi.symbol(), block));
        }
        List<Multicall3.Result> results = reader.read(reads);
        for (int i = 0; i < addresses.size(); i++) {
            Multicall3.Result decimals = results.get(2 * i);
            Multicall3.Result symbol = results.get(2 * i + 1);
            if (!decimals.returnedData()) {
                throw new RpcException("token " + addresses.get(i) + " has no decimals() (not an ERC-20?)");
            }
            String name = symbol.returnedData() ? symbol.words().symbol() : "?";
            tokens.put(addresses.get(i), new TokenRef(addresses.get(i), name.isBlank() ? "?" : name,
                    decimals.words().smallUint(0)));
        }
    }

    /** Pools with no known price (new, or rewound by a reorg): slot0 at the end of the block before the pass. */
    private void readUnknownPrices(long from) {
        List<PoolState> unknown = pools.values().stream().filter(p -> !p.priceKnown()).toList();
        if (unknown.isEmpty()) {
            return;
        }
        List<Read> reads = unknown.stream()
                .map(p -> new Read(p.address, UniswapAbi.slot0(), Math.max(0, from - 1))).toList();
        List<Multicall3.Result> results = reader.read(reads);
        for (int i = 0; i < unknown.size(); i++) {
            PoolState pool = unknown.get(i);
            if (!results.get(i).success()) {
                throw new RpcException("slot0() of pool " + pool.address + " failed at block " + (from - 1));
            }
            UniswapAbi.Slot0 slot0 = results.get(i).returnedData() ? UniswapAbi.decodeSlot0(results.get(i).words()) : null;
            if (slot0 == null || slot0.sqrtPriceX96().signum() == 0) {
                // Created or initialised inside this pass (no code, or no price, before `from`): take the price at
                // the end of the first block a position of it was seen in. Approximate only when swaps precede that
                // mint in its block.
                long at = poolFirstSeen.getOrDefault(pool.address, from);
                Multicall3.Result later = reader.read(List.of(new Read(pool.address, UniswapAbi.slot0(), at))).get(0);
                if (!later.returnedData()) {
                    throw new RpcException("pool " + pool.address + " has no slot0() at block " + at);
                }
                slot0 = UniswapAbi.decodeSlot0(later.words());
            }
            pool.sqrtPriceX96 = slot0.sqrtPriceX96();
            pool.tick = slot0.tick();
        }
    }

    private static List<ChainLog> dedupe(List<ChainLog> logs) {
        Map<String, ChainLog> unique = new HashMap<>();
        for (ChainLog log : logs) {
            unique.putIfAbsent(log.blockHash() + ":" + log.logIndex(), log);
        }
        List<ChainLog> ordered = new ArrayList<>(unique.values());
        ordered.sort(ChainLog.CHAIN_ORDER);
        return ordered;
    }

    /** Headers of from, to and every block with a log; a log from another fork than its header aborts the pass. */
    private Map<Long, BlockHeader> headers(List<ChainLog> logs, long from, long to) {
        Set<Long> numbers = new TreeSet<>(List.of(from, to));
        logs.forEach(l -> numbers.add(l.blockNumber()));
        Map<Long, BlockHeader> headers = new LinkedHashMap<>();
        rpc.headers(List.copyOf(numbers)).forEach(h -> headers.put(h.number(), h));
        for (ChainLog log : logs) {
            if (!headers.get(log.blockNumber()).hash().equals(log.blockHash())) {
                throw new ReorgDuringPassException("block " + log.blockNumber() + " changed while it was read");
            }
        }
        return headers;
    }

    private Map<String, OnChainPosition> positionsAt(List<String> ids, long block) {
        List<Read> reads = ids.stream().map(id -> new Read(chain.positionManager(), UniswapAbi.positions(id), block))
                .toList();
        List<Multicall3.Result> results = reader.read(reads);
        Map<String, OnChainPosition> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (results.get(i).success()) {
                found.put(ids.get(i), UniswapAbi.decodePosition(results.get(i).words()));
            }
        }
        return found;
    }
}
