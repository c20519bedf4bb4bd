package io.tideline.lp.position;

import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.events.EventPayload;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpLiquidityChanged;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpRangeEntered;
import io.tideline.events.lp.LpRangeExited;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.PositionRef;
import io.tideline.lp.chain.PositionLog;
import io.tideline.lp.chain.PositionLog.Burned;
import io.tideline.lp.chain.PositionLog.Collect;
import io.tideline.lp.chain.PositionLog.DecreaseLiquidity;
import io.tideline.lp.chain.PositionLog.IncreaseLiquidity;
import io.tideline.lp.chain.PositionLog.Minted;
import io.tideline.lp.chain.PositionLog.Transferred;
import io.tideline.lp.chain.Swap;
import io.tideline.lp.chain.UniswapAbi.OnChainPosition;
import io.tideline.lp.chain.UniswapLog;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies position-manager and pool logs, decoded ({@link UniswapLog}), in chain order, to the positions of the
 * watched wallets and records the facts they cause. Pure: reads nothing from the chain itself; what it needs from
 * chain state (a new position's ticks, the tokens owed when a position closes) is handed in.
 */
public final class PositionLifecycle {

    private static final Logger LOG = Logger.getLogger(PositionLifecycle.class);
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    /** Reads {@code positions(tokenId)} at the end of a block; null for a token that no longer exists (burned). */
    @FunctionalInterface
    public interface OwedReader {
        Map<String, OnChainPosition> positionsAt(List<String> tokenIds, long block);
    }

    /** A position discovered in this pass: its on-chain state when first seen and its pool. */
    public record Discovery(OnChainPosition onChain, PoolState pool) {
    }

    private record PendingClose(ChainRef at, long block) {
    }

    private final long chainId;
    private final String positionManager;
    private final Set<String> wallets;
    private final Map<String, Position> positions;
    private final Map<String, PoolState> pools;
    private final Map<String, Discovery> discoveries;
    private final OwedReader owedReader;
    private final List<Fact> facts = new ArrayList<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private final Map<String, ChainRef> lastSwap = new LinkedHashMap<>();
    private final Map<String, SwapTally> swapTallies = new LinkedHashMap<>();
    private final Map<String, PendingClose> pendingCloses = new LinkedHashMap<>();

    public PositionLifecycle(long chainId, String positionManager, Set<String> wallets, Map<String, Position> positions,
            Map<String, PoolState> pools, Map<String, Discovery> discoveries, OwedReader owedReader) {
        this.chainId = chainId;
        this.positionManager = positionManager;
        this.wallets = wallets;
        this.positions = positions;
        this.pools = pools;
        this.discoveries = discoveries;
        this.owedReader = owedReader;
    }

    /** Applies one log. Call {@link #endBlock(long)} when the logs of a block are done. */
    public void apply(UniswapLog log, ChainRef at) {
        if (log instanceof Swap swap) {
            onSwap(swap, at);
        } else if (log instanceof Minted minted) {
            onArrivalOrMove(minted.tokenId(), ZERO_ADDRESS, minted.to(), at);
        } else if (log instanceof Transferred transferred) {
            onArrivalOrMove(transferred.tokenId(), transferred.from(), transferred.to(), at);
        } else if (log instanceof Burned burned) {
            onBurned(burned, at);
        } else if (log instanceof PositionLog change) {
            onLiquidityOrCollect(change, at);
        }
    }

    /** Settles what waits for the end of a block: positions closed in it get their LpClosed. */
    public void endBlock(long block) {
        List<String> closing = new ArrayList<>();
        pendingCloses.forEach((id, pending) -> {
            if (pending.block() == block) {
                closing.add(id);
            }
        });
        if (closing.isEmpty()) {
            return;
        }
        Map<String, OnChainPosition> onChain = owedReader.positionsAt(closing, block);
        for (String id : closing) {
            PendingClose pending = pendingCloses.remove(id);
            Position position = positions.get(id);
            OnChainPosition state = onChain.get(id);
            BigInteger owed0 = state == null ? BigInteger.ZERO : state.tokensOwed0();
            BigInteger owed1 = state == null ? BigInteger.ZERO : state.tokensOwed1();
            emit(position, closed(position, LpClosed.Reason.LIQUIDITY_REMOVED, owed0, owed1, pending.at()),
                    pending.at());
        }
    }

    public List<Fact> facts() {
        return facts;
    }

    /** Token ids whose state changed in this pass. */
    public Set<String> touched() {
        return touched;
    }

    /** Pools whose price moved in this pass, with the last swap that moved it. */
    public Map<String, ChainRef> pricesMoved() {
        return lastSwap;
    }

    /** Per pool whose price moved in this pass: what its swaps in the pass paid in, and its liquidity after the last. */
    public Map<String, SwapTally> swapTallies() {
        return swapTallies;
    }

    /**
     * A pool's swaps in one pass: the token0 and token1 swappers paid in (fees included, raw), how many swaps, and the
     * pool's in-range liquidity after the last one.
     */
    public record SwapTally(BigInteger volume0In, BigInteger volume1In, int swaps, BigInteger liquidity) {

        SwapTally plus(Swap swap) {
            return new SwapTally(volume0In.add(swap.amount0().max(BigInteger.ZERO)),
                    volume1In.add(swap.amount1().max(BigInteger.ZERO)), swaps + 1, swap.liquidity());
        }
    }

    private void onLiquidityOrCollect(PositionLog log, ChainRef at) {
        Position position = positions.get(log.tokenId());
        // Not followed: burned, or sent out of the watched wallets earlier in this pass (what its new owner does with
        // it is not the desk's; later passes no longer fetch its logs).
        if (position == null || !position.followed() || position.alreadyApplied(at.blockNumber(), at.logIndex())) {
            return;
        }
        if (log instanceof IncreaseLiquidity increase) {
            onIncrease(position, increase.liquidity(), increase.amount0(), increase.amount1(), at);
        } else if (log instanceof DecreaseLiquidity decrease) {
            onDecrease(position, decrease.liquidity(), decrease.amount0(), decrease.amount1(), at);
        } else if (log instanceof Collect collect) {
            onCollect(position, collect.recipient(), collect.amount0(), collect.amount1(), at);
        }
        position.applied(at.blockNumber(), at.logIndex());
    }

    /** A mint or a transfer: a position arriving in a watched wallet is adopted, a followed one changes owner. */
    private void onArrivalOrMove(String tokenId, String from, String to, ChainRef at) {
        Position position = positions.get(tokenId);
        if (position != null && position.alreadyApplied(at.blockNumber(), at.logIndex())) {
            return;
        }
        if (position == null || !position.followed()) {
            if (wallets.contains(to)) {
                adopt(tokenId, from, to, at);
            }
            return;
        }
        position.applied(at.blockNumber(), at.logIndex());
        touched.add(tokenId);
        position.owner = to;
        boolean leaves = !wallets.contains(to);
        if (leaves) {
            position.status = PositionStatus.TRANSFERRED;
            pendingCloses.remove(tokenId);
        }
        emit(position, new LpTransferred(position.ref, from, to, at, leaves), at);
    }

    private void onBurned(Burned burned, ChainRef at) {
        Position position = positions.get(burned.tokenId());
        if (position == null || !position.followed() || position.alreadyApplied(at.blockNumber(), at.logIndex())) {
            return;
        }
        position.applied(at.blockNumber(), at.logIndex());
        touched.add(burned.tokenId());
        position.burned = true;
        if (position.status != PositionStatus.CLOSED) {
            emit(position, closed(position, LpClosed.Reason.BURNED, BigInteger.ZERO, BigInteger.ZERO, at), at);
        }
    }

    private void adopt(String tokenId, String from, String to, ChainRef at) {
        Discovery discovery = discoveries.get(tokenId);
        if (discovery == null) {
            LOG.warnf("position %s came to watched wallet %s at block %d but its state could not be read; skipped",
                    tokenId, to, at.blockNumber());
            return;
        }
        OnChainPosition onChain = discovery.onChain();
        Position position = new Position(new PositionRef(chainId, positionManager, tokenId), to,
                discovery.pool().address, onChain.tickLower(), onChain.tickUpper(), at.blockNumber());
        position.applied(at.blockNumber(), at.logIndex());
        positions.put(tokenId, position);
        touched.add(tokenId);
        if (ZERO_ADDRESS.equals(from)) {
            return; // minted: LpMinted follows with the IncreaseLiquidity of the same transaction
        }
        // Came from another wallet with liquidity in it: its deposits count at today's value.
        PoolState pool = pool(position);
        position.liquidity = onChain.liquidity();
        if (position.liquidity.signum() > 0) {
            TokenAmounts amounts = LiquidityAmounts.getAmountsForLiquidity(pool.sqrtPriceX96,
                    TickMath.getSqrtRatioAtTick(position.tickLower), TickMath.getSqrtRatioAtTick(position.tickUpper),
                    position.liquidity);
            position.deposited0 = amounts.amount0();
            position.deposited1 = amounts.amount1();
            position.costToken1 = TokenValue.inToken1(amounts.amount0(), amounts.amount1(),
                    TokenValue.price(pool.sqrtPriceX96, pool), pool);
            position.status = position.inRange(pool.tick) ? PositionStatus.ACTIVE : PositionStatus.INACTIVE;
        } else {
            position.status = PositionStatus.CLOSED;
        }
        emit(position, new LpTransferred(position.ref, from, to, at, false), at);
    }

    private void onIncrease(Position position, BigInteger liquidity, BigInteger amount0, BigInteger amount1,
            ChainRef at) {
        position.managerRecordChanged();
        PoolState pool = pool(position);
        BigDecimal price = TokenValue.price(pool.sqrtPriceX96, pool);
        position.liquidity = position.liquidity.add(liquidity);
        position.deposited0 = position.deposited0.add(amount0);
        position.deposited1 = position.deposited1.add(amount1);
        position.costToken1 = position.costToken1.add(TokenValue.inToken1(amount0, amount1, price, pool));
        PositionStatus before = position.status;
        position.status = position.inRange(pool.tick) ? PositionStatus.ACTIVE : PositionStatus.INACTIVE;
        position.closedBlock = null;
        pendingCloses.remove(position.tokenId());
        touched.add(position.tokenId());
        if (before == PositionStatus.NEW) {
            position.openedBlock = at.blockNumber();
            emit(position, new LpMinted(position.ref, position.owner, pool.address, pool.token0, pool.token1,
                    pool.fee, position.tickLower, position.tickUpper, liquidity, amount0, amount1, pool.sqrtPriceX96,
                    TokenValue.published(price), at), at);
        } else {
            emit(position, new LpLiquidityChanged(position.ref, liquidity, position.liquidity, amount0, amount1, at),
                    at);
        }
    }

    private void onDecrease(Position position, BigInteger liquidity, BigInteger amount0, BigInteger amount1,
            ChainRef at) {
        position.managerRecordChanged();
        position.liquidity = position.liquidity.subtract(liquidity);
        position.withdrawn0 = position.withdrawn0.add(amount0);
        position.withdrawn1 = position.withdrawn1.add(amount1);
        position.principalOwed0 = position.principalOwed0.add(amount0);
        position.principalOwed1 = position.principalOwed1.add(amount1);
        touched.add(position.tokenId());
        emit(position, new LpLiquidityChanged(position.ref, liquidity.negate(), position.liquidity, amount0, amount1,
                at), at);
        if (position.liquidity.signum() == 0 && position.status.holdsLiquidity()) {
            position.status = PositionStatus.CLOSED;
            position.closedBlock = at.blockNumber();
            pendingCloses.put(position.tokenId(), new PendingClose(at, at.blockNumber()));
        }
    }

    private void onCollect(Position position, String recipient, BigInteger amount0, BigInteger amount1, ChainRef at) {
        position.managerRecordChanged();
        BigInteger principal0 = amount0.min(position.principalOwed0);
        BigInteger principal1 = amount1.min(position.principalOwed1);
        position.principalOwed0 = position.principalOwed0.subtract(principal0);
        position.principalOwed1 = position.principalOwed1.subtract(principal1);
        position.feesCollected0 = position.feesCollected0.add(amount0.subtract(principal0));
        position.feesCollected1 = position.feesCollected1.add(amount1.subtract(principal1));
        position.collected0 = position.collected0.add(amount0);
        position.collected1 = position.collected1.add(amount1);
        touched.add(position.tokenId());
        emit(position, new LpFeesCollected(position.ref, recipient, amount0, amount1, at), at);
    }

    private void onSwap(Swap swap, ChainRef at) {
        PoolState pool = pools.get(swap.pool());
        if (pool == null) {
            return;
        }
        pool.sqrtPriceX96 = swap.sqrtPriceX96();
        pool.tick = swap.tick();
        lastSwap.put(pool.address, at);
        swapTallies.merge(pool.address, new SwapTally(BigInteger.ZERO, BigInteger.ZERO, 0, swap.liquidity()).plus(swap),
                (tally, one) -> tally.plus(swap));
        for (Position position : positions.values()) {
            if (!position.pool.equals(pool.address) || !position.status.holdsLiquidity()
                    || position.alreadyApplied(at.blockNumber(), at.logIndex())) {
                continue;
            }
            boolean inside = position.inRange(pool.tick);
            if (position.status == PositionStatus.ACTIVE && !inside) {
                position.status = PositionStatus.INACTIVE;
                position.applied(at.blockNumber(), at.logIndex());
                touched.add(position.tokenId());
                LpRangeExited.Side side = pool.tick < position.tickLower ? LpRangeExited.Side.BELOW
                        : LpRangeExited.Side.ABOVE;
                emit(position, new LpRangeExited(position.ref, pool.tick, position.tickLower, position.tickUpper,
                        side, at), at);
            } else if (position.status == PositionStatus.INACTIVE && inside) {
                position.status = PositionStatus.ACTIVE;
                position.applied(at.blockNumber(), at.logIndex());
                touched.add(position.tokenId());
                emit(position, new LpRangeEntered(position.ref, pool.tick, at), at);
            }
        }
    }

    private LpClosed closed(Position position, LpClosed.Reason reason, BigInteger owed0, BigInteger owed1,
            ChainRef at) {
        position.status = PositionStatus.CLOSED;
        position.closedBlock = at.blockNumber();
        PoolState pool = pool(position);
        BigInteger fees0 = position.feesCollected0.add(owed0.subtract(position.principalOwed0).max(BigInteger.ZERO));
        BigInteger fees1 = position.feesCollected1.add(owed1.subtract(position.principalOwed1).max(BigInteger.ZERO));
        BigDecimal price = TokenValue.price(pool.sqrtPriceX96, pool);
        BigDecimal proceeds = TokenValue.inToken1(position.withdrawn0.add(fees0), position.withdrawn1.add(fees1),
                price, pool);
        return new LpClosed(position.ref, reason, position.withdrawn0, position.withdrawn1, fees0, fees1,
                proceeds.subtract(position.costToken1), at);
    }

    private PoolState pool(Position position) {
        PoolState pool = pools.get(position.pool);
        if (pool == null || !pool.priceKnown()) {
            throw new IllegalStateException("pool " + position.pool + " of position " + position.tokenId()
                    + " has no known price");
        }
        return pool;
    }

    private void emit(Position position, EventPayload payload, ChainRef at) {
        facts.add(new Fact(position.ref, payload, at, PositionJson.write(position)));
    }
}
