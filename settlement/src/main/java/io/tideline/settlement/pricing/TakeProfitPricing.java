package io.tideline.settlement.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The price of a take-profit sell: entry x (1 + the tier's markup), never below entry x (1 + 2 x the pair's fee rate)
 * (the round trip's two legs), rounded UP to the pair's tick so that rounding never eats into the markup.
 */
public final class TakeProfitPricing {

    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final AgeTiers tiers;

    public TakeProfitPricing(AgeTiers tiers) {
        this.tiers = tiers;
    }

    public AgeTiers tiers() {
        return tiers;
    }

    public BigDecimal price(BigDecimal entry, int tier, PairRules rules) {
        BigDecimal marked = entry.multiply(BigDecimal.ONE.add(BigDecimal.valueOf(tiers.markupBps(tier))
                .divide(BPS)));
        BigDecimal floor = breakEven(entry, rules);
        return roundUp(marked.max(floor), rules.tickSize());
    }

    /** Entry plus both legs' fees: the lowest price that loses nothing. */
    public static BigDecimal breakEven(BigDecimal entry, PairRules rules) {
        return entry.multiply(BigDecimal.ONE.add(rules.feeRate().multiply(TWO)));
    }

    /** The smallest multiple of {@code tick} that is >= {@code price}. */
    public static BigDecimal roundUp(BigDecimal price, BigDecimal tick) {
        return price.divide(tick, 0, RoundingMode.CEILING).multiply(tick).stripTrailingZeros();
    }

    /** One tick above the best bid: where a post-only sell rests without crossing. */
    public static BigDecimal oneTickAbove(BigDecimal bid, BigDecimal tick) {
        return roundUp(bid, tick).compareTo(bid) > 0 ? roundUp(bid, tick)
                : bid.add(tick).stripTrailingZeros();
    }
}
