package io.tideline.analytics.backtest;

import io.tideline.amm.TokenAmounts;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link ExactPool} replaying swaps as a venue: the position is really in the pool, so it moves the price and
 * earns, swap by swap, the fee growth of each swap step it is in range for — to the wei, as the contracts.
 */
final class SwapVenue implements Venue {

    private final ExactPool pool;
    private final List<SwapOrder> orders;
    private final List<ExactPool.Executed> executed = new ArrayList<>();
    private final List<TokenAmounts> desired = new ArrayList<>();
    private Instant time;
    private int position = -1;

    SwapVenue(ExactPool pool, Instant start, List<SwapOrder> orders) {
        this.pool = pool;
        this.orders = List.copyOf(orders);
        this.time = start;
    }

    List<ExactPool.Executed> executed() {
        return executed;
    }

    /** The desired amounts of each open, in order (what the position manager's {@code mint} would be sent). */
    List<TokenAmounts> desired() {
        return desired;
    }

    ExactPool pool() {
        return pool;
    }

    @Override
    public int steps() {
        return orders.size();
    }

    @Override
    public int seriesIndex(int i) {
        return i;
    }

    @Override
    public void advance(int i) {
        SwapOrder o = orders.get(i);
        time = o.at();
        executed.add(pool.swapExactInput(o.zeroForOne(), o.amountIn(), null));
    }

    @Override
    public Instant time() {
        return time;
    }

    @Override
    public BigInteger sqrtPriceX96() {
        return pool.sqrtPriceX96();
    }

    @Override
    public int tick() {
        return pool.tick();
    }

    @Override
    public int tickSpacing() {
        return pool.tickSpacing();
    }

    @Override
    public Opened open(Range range, BigInteger amount0Desired, BigInteger amount1Desired) {
        desired.add(new TokenAmounts(amount0Desired, amount1Desired));
        ExactPool.Minted m = pool.mint(range.lower(), range.upper(), amount0Desired, amount1Desired);
        position = m.positionId();
        return new Opened(m.liquidity(), m.amount0(), m.amount1());
    }

    @Override
    public Closed close() {
        TokenAmounts principal = pool.decreaseLiquidity(position, pool.liquidityOf(position));
        TokenAmounts all = pool.collect(position);
        position = -1;
        return new Closed(principal, new TokenAmounts(all.amount0().subtract(principal.amount0()),
                all.amount1().subtract(principal.amount1())));
    }

    @Override
    public TokenAmounts amounts() {
        return position < 0 ? new TokenAmounts(BigInteger.ZERO, BigInteger.ZERO) : pool.amountsIfRemoved(position);
    }

    @Override
    public TokenAmounts fees() {
        return position < 0 ? new TokenAmounts(BigInteger.ZERO, BigInteger.ZERO) : pool.owed(position);
    }

    /** The open position's id in the pool (−1: none). */
    int positionId() {
        return position;
    }
}
