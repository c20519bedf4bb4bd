package io.tideline.alerting.watch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The money figures alert rules compare against thresholds, from the raw amounts of lp-tracker's events: values in
 * token1 ({@code x0 · 10^−d0 · P + x1 · 10^−d1}, 18 places, half-even, as lp-tracker values), the loss as a
 * percentage of cost and the hedge's drift (4 places, half-even).
 */
public final class PositionMoney {

    static final int VALUE_SCALE = 18;
    static final int PERCENT_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PositionMoney() {
    }

    /** A raw token amount with its decimals applied, exactly. */
    public static BigDecimal tokens(BigInteger raw, int decimals) {
        return new BigDecimal(raw, decimals);
    }

    /** {@code x0 · P + x1} in token1, amounts with decimals applied. */
    public static BigDecimal valueInToken1(BigDecimal x0, BigDecimal x1, BigDecimal price) {
        return x0.multiply(price).add(x1).setScale(VALUE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The loss in an {@code impermanentLossToken1} (negative is a loss there): positive for a loss, else zero. */
    public static BigDecimal loss(BigDecimal impermanentLossToken1) {
        return impermanentLossToken1.signum() < 0 ? impermanentLossToken1.negate() : BigDecimal.ZERO;
    }

    /** {@code part / whole · 100}; absent when the whole is not positive. */
    public static Optional<BigDecimal> percentOf(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, RoundingMode.HALF_EVEN));
    }

    /**
     * The LP's holding of the token a perp market hedges: the token whose symbol ends with the market's base asset
     * ({@code WETH} for {@code ETH-USD}). Absent when neither or both tokens match, or the holding is unknown.
     */
    public static Optional<BigDecimal> hedgedTokenHolding(WatchedPosition p, String market) {
        if (market == null || p.symbol0() == null || p.symbol1() == null || p.amount0() == null) {
            return Optional.empty();
        }
        String base = market.split("-", 2)[0].toUpperCase(Locale.ROOT);
        boolean is0 = p.symbol0().toUpperCase(Locale.ROOT).endsWith(base);
        boolean is1 = p.symbol1().toUpperCase(Locale.ROOT).endsWith(base);
        if (is0 == is1) {
            return Optional.empty();
        }
        return Optional.of(is0 ? p.amount0() : p.amount1());
    }

    /** How far the short is from the holding, as a percentage of the holding; absent for an empty holding. */
    public static Optional<BigDecimal> driftPercent(BigDecimal holding, BigDecimal hedgedQty) {
        return percentOf(holding.subtract(hedgedQty).abs(), holding);
    }
}
