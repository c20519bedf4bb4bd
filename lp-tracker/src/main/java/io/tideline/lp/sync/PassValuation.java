package io.tideline.lp.sync;

import io.tideline.events.lp.LpValued;
import io.tideline.evm.BlockHeader;
import io.tideline.lp.chain.BatchReader;
import io.tideline.lp.chain.BatchReader.Read;
import io.tideline.lp.chain.Multicall3;
import io.tideline.lp.chain.UniswapAbi;
import io.tideline.lp.chain.UniswapAbi.OnChainPosition;
import io.tideline.lp.position.PoolState;
import io.tideline.lp.position.Position;
import io.tideline.lp.position.PositionValuer;
import io.tideline.lp.position.ValuationPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The last step of a pass: values the positions due an {@code LpValued} ({@link ValuationPolicy}) at the pass's last
 * block, with every read they need in one batched round trip.
 *
 * <p>Per pool, {@code slot0} and both fee growth globals; per tick at a range's edge, its fee growth outside (it
 * flips whenever the price crosses the tick); {@code positions(tokenId)} only for the positions a log of the pass
 * touched or with no record kept from an earlier valuation, since the position manager changes that record only in
 * logs the pass applies (see {@link Position#managerRecord()}).
 */
final class PassValuation {

    private static final Logger LOG = Logger.getLogger(PassValuation.class);

    private final String positionManager;
    private final BatchReader reader;
    private final ValuationPolicy policy;

    PassValuation(String positionManager, BatchReader reader, ValuationPolicy policy) {
        this.positionManager = positionManager;
        this.reader = reader;
        this.policy = policy;
    }

    List<LpValued> value(Iterable<Position> positions, Map<String, PoolState> pools, Set<String> touched,
            Set<String> movedPools, BlockHeader last) {
        List<Position> due = new ArrayList<>();
        for (Position p : positions) {
            PoolState pool = pools.get(p.pool());
            if (policy.isDue(p, touched.contains(p.tokenId()), movedPools.contains(p.pool()),
                    pool == null ? null : pool.sqrtPriceX96, last.time())) {
                due.add(p);
            }
        }
        if (due.isEmpty()) {
            return List.of();
        }
        List<Read> reads = new ArrayList<>();
        Map<String, Integer> poolIndex = new HashMap<>();
        Map<String, Integer> tickIndex = new HashMap<>();
        Map<String, Integer> recordIndex = new HashMap<>();
        for (Position p : due) {
            if (!poolIndex.containsKey(p.pool())) {
                poolIndex.put(p.pool(), reads.size());
                reads.add(new Read(p.pool(), UniswapAbi.slot0(), last.number()));
                reads.add(new Read(p.pool(), UniswapAbi.feeGrowthGlobal0X128(), last.number()));
                reads.add(new Read(p.pool(), UniswapAbi.feeGrowthGlobal1X128(), last.number()));
            }
            for (int tick : new int[] {p.tickLower(), p.tickUpper()}) {
                String key = p.pool() + ":" + tick;
                if (!tickIndex.containsKey(key)) {
                    tickIndex.put(key, reads.size());
                    reads.add(new Read(p.pool(), UniswapAbi.ticks(tick), last.number()));
                }
            }
            if (touched.contains(p.tokenId()) || p.managerRecord() == null) {
                recordIndex.put(p.tokenId(), reads.size());
                reads.add(new Read(positionManager, UniswapAbi.positions(p.tokenId()), last.number()));
            }
        }
        List<Multicall3.Result> results = reader.read(reads);
        List<LpValued> valuations = new ArrayList<>(due.size());
        for (Position p : due) {
            int at = poolIndex.get(p.pool());
            Integer recordAt = recordIndex.get(p.tokenId());
            if (!results.get(at).success() || (recordAt != null && !results.get(recordAt).success())) {
                LOG.warnf("position %s could not be read at block %d; not valued", p.tokenId(), last.number());
                continue;
            }
            OnChainPosition record = recordAt == null ? p.managerRecord()
                    : UniswapAbi.decodePosition(results.get(recordAt).words());
            if (!record.liquidity().equals(p.liquidity())) {
                LOG.warnf("position %s: liquidity on chain %s, from its logs %s (block %d)", p.tokenId(),
                        record.liquidity(), p.liquidity(), last.number());
            }
            PositionValuer.ChainState state = new PositionValuer.ChainState(
                    UniswapAbi.decodeSlot0(results.get(at).words()),
                    results.get(at + 1).words().uint(0), results.get(at + 2).words().uint(0),
                    UniswapAbi.decodeTick(results.get(tickIndex.get(p.pool() + ":" + p.tickLower())).words()),
                    UniswapAbi.decodeTick(results.get(tickIndex.get(p.pool() + ":" + p.tickUpper())).words()),
                    record);
            valuations.add(PositionValuer.value(p, pools.get(p.pool()), state, last.number(), last.time()));
            p.markValued(last.time(), state.slot0().sqrtPriceX96(), record);
        }
        return valuations;
    }
}
