package io.tideline.analytics.portfolio;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a strategy's {@link Figures} from its {@link StrategyState}; pure.
 *
 * <p>LP tokens are valued at the latest pool price P, all of them: what the liquidity holds, uncollected fees, and
 * what was withdrawn or collected (the desk's wallet holds those tokens), with {@code V(x0, x1) = x0·10^−d0·P +
 * x1·10^−d1} exact in token1, then in dollars (exact when token1 is the dollar, ÷P at 36 places when token0 is).
 * <ul>
 *   <li>LP P&amp;L = V(amounts + uncollected + withdrawn + fees collected) − cost</li>
 *   <li>fees = V(uncollected + fees collected); impermanent loss = V(amounts) − V(deposited − withdrawn)</li>
 *   <li>market = LP P&amp;L − fees − impermanent loss, which by linearity of V is V(deposited) − cost</li>
 * </ul>
 * <b>Residual rule.</b> Each figure is rounded half-even to {@link Money#SCALE} once; the market part is then taken as
 * the rounded LP P&amp;L minus the rounded fees and impermanent loss, so it absorbs the (at most one unit per rounded
 * figure) rounding difference and the parts sum to the total exactly.
 */
public final class StrategyValuation {

    public static final String FUNDING_NOT_REPORTED =
            "funding: no funding payment of the hedge reported on perp.hedges (FundingPaid); counted as zero";
    public static final String GAS_UNKNOWN = "gas: not reported by the LP events; counted as zero";
    public static final String NOT_IN_DOLLARS = "a pool without a dollar token is valued in its token1";
    public static final String MARK_FROM_POOL = "hedge marked at the pool's price (no venue mark seen)";
    public static final String MARK_FROM_FILL = "hedge marked at its last fill (no price seen)";

    private StrategyValuation() {
    }

    public static Figures figures(StrategyState s) {
        List<String> notes = new ArrayList<>();
        BigDecimal value = Money.ZERO;
        BigDecimal cost = Money.ZERO;
        BigDecimal fees = Money.ZERO;
        BigDecimal il = Money.ZERO;
        BigDecimal lpPnl = Money.ZERO;
        if (s.lp() != null) {
            LpHoldings lp = s.lp();
            TokenPair t = lp.tokens();
            BigDecimal p = lp.price();
            if (t.dollar() == TokenPair.Dollar.NEITHER) {
                notes.add(NOT_IN_DOLLARS);
            }
            value = dollars(t, p, lp.amount0().add(lp.uncollected0()), lp.amount1().add(lp.uncollected1()));
            cost = Money.of(lp.cost());
            fees = dollars(t, p, lp.uncollected0().add(lp.feesCollected0()),
                    lp.uncollected1().add(lp.feesCollected1()));
            BigDecimal exactIl = t.valueInToken1(lp.amount0(), lp.amount1(), p)
                    .subtract(t.valueInToken1(lp.deposited0().subtract(lp.withdrawn0()),
                            lp.deposited1().subtract(lp.withdrawn1()), p));
            il = Money.of(t.token1InDollars(exactIl, p));
            BigInteger all0 = lp.amount0().add(lp.uncollected0()).add(lp.withdrawn0()).add(lp.feesCollected0());
            BigInteger all1 = lp.amount1().add(lp.uncollected1()).add(lp.withdrawn1()).add(lp.feesCollected1());
            lpPnl = dollars(t, p, all0, all1).subtract(cost);
        }
        HedgeBook hedge = s.hedge() == null ? HedgeBook.EMPTY : s.hedge();
        BigDecimal unrealized = Money.ZERO;
        if (hedge.openQuantity().signum() != 0) {
            BigDecimal mark = s.hedgeMark();
            if (mark == null && s.lp() != null) {
                mark = s.lp().tokens().volatilePriceInDollars(s.lp().price());
                notes.add(MARK_FROM_POOL);
            }
            if (mark == null) {
                mark = hedge.averagePrice();
                notes.add(MARK_FROM_FILL);
            }
            unrealized = hedge.unrealizedAt(mark);
        }
        boolean hedged = s.hedge() != null;
        BigDecimal funding = s.funding() == null ? Money.ZERO : Money.of(s.funding());
        if (s.funding() == null && hedged) {
            notes.add(FUNDING_NOT_REPORTED);
        }
        BigDecimal gas = s.gas() == null ? Money.ZERO : Money.of(s.gas().negate());
        if (s.gas() == null && s.lp() != null) {
            notes.add(GAS_UNKNOWN);
        }
        BigDecimal feesPaid = Money.of(hedge.fees().negate()).add(gas);
        BigDecimal takeProfit = Money.of(s.takeProfit());
        BigDecimal pm = Money.of(s.predictionMarket());
        BigDecimal realized = Money.of(hedge.realized());
        BigDecimal total = lpPnl.add(realized).add(unrealized).add(funding).add(feesPaid).add(takeProfit).add(pm);
        BigDecimal market = lpPnl.subtract(fees).subtract(il);
        PnlParts parts = new PnlParts(fees, il, market, realized.add(unrealized), funding, feesPaid, takeProfit, pm);
        return new Figures(value.add(unrealized), cost, fees, il, realized, unrealized, funding, gas, feesPaid,
                takeProfit, pm, total, parts, List.copyOf(notes));
    }

    private static BigDecimal dollars(TokenPair t, BigDecimal price, BigInteger amount0, BigInteger amount1) {
        return Money.of(t.token1InDollars(t.valueInToken1(amount0, amount1, price), price));
    }
}
