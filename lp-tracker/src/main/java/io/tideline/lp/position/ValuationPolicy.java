package io.tideline.lp.position;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides when an open position is due an {@code LpValued}: when a log of the pass changed it (liquidity, collect, transfer,
 * range exit or entry), when its last valuation is {@code interval} old (block time) or it has none, or when its
 * pool's price has moved by at least {@code priceMove} (a fraction: 0.001 = 10 bp) since its last valuation. A
 * {@code priceMove} of 0 revalues on every move of the price.
 *
 * <p>The move is the price's (token1 per token0, the square of the sqrt price), relative to the price at the last
 * valuation, in either direction; it is compared exactly, in integers.
 */
public record ValuationPolicy(Duration interval, BigDecimal priceMove) {

    public ValuationPolicy {
        if (priceMove.signum() < 0) {
            throw new IllegalArgumentException("the valuation price move must not be negative, was " + priceMove);
        }
    }

    /**
     * @param touched whether a log of this pass changed the position
     * @param poolMoved whether a swap of this pass moved its pool's price
     * @param sqrtPriceX96 its pool's sqrt price now
     * @param now the time of the block the valuation would be at
     */
    public boolean isDue(Position position, boolean touched, boolean poolMoved, BigInteger sqrtPriceX96,
            Instant now) {
        if (!position.status().holdsLiquidity() || !position.followed()) {
            return false;
        }
        Instant last = position.lastValuedAt();
        if (touched || last == null || !last.plus(interval).isAfter(now)) {
            return true;
        }
        return poolMoved && movedEnough(position.lastValuedSqrtPriceX96(), sqrtPriceX96);
    }

    /** |p / p0 − 1| ≥ priceMove with p = sqrtPrice², as |s² − s0²| ≥ priceMove · s0²; either unknown counts as moved. */
    private boolean movedEnough(BigInteger from, BigInteger to) {
        if (priceMove.signum() == 0 || from == null || from.signum() == 0 || to == null) {
            return true;
        }
        BigInteger before = from.multiply(from);
        BigDecimal change = new BigDecimal(to.multiply(to).subtract(before).abs());
        return change.compareTo(priceMove.multiply(new BigDecimal(before))) >= 0;
    }
}
