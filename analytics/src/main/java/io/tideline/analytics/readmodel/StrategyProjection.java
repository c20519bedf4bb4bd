package io.tideline.analytics.readmodel;

import io.tideline.amm.PriceMath;
import io.tideline.analytics.portfolio.Book;
import io.tideline.analytics.portfolio.HedgeBook;
import io.tideline.analytics.portfolio.Money;
import io.tideline.analytics.portfolio.TokenPair;
import io.tideline.events.EventEnvelope;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpLiquidityChanged;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpValued;
import io.tideline.events.perp.HedgeClosed;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.PerpFill;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * How each fact changes a strategy: plain Java over a {@link StrategyRecord}, no database. The LP position and its
 * hedge are one strategy: the hedge's events carry the position's key ({@code positionKey}, also their partition key)
 * and inherit the mint's correlation id, so either side may arrive first and the other joins it.
 */
public final class StrategyProjection {

    /** Places of a price computed from sqrtPriceX96: lp-tracker's (TokenValue.PRICE_SCALE). */
    static final int PRICE_SCALE = 36;

    private final DollarTokens dollars;

    public StrategyProjection(DollarTokens dollars) {
        this.dollars = dollars;
    }

    /** A new LP strategy, or the one a hedge event opened before the mint arrived. */
    public StrategyRecord minted(StrategyRecord existing, EventEnvelope<?> event, LpMinted m) {
        String key = m.position().key();
        StrategyRecord s = existing != null ? existing : new StrategyRecord(key, Book.LP, name(m), m.at().blockTime());
        s.name = name(m);
        s.book = Book.LP;
        s.status = "OPEN";
        s.closedAt = null;
        s.openedAt = m.at().blockTime();
        s.correlationId = EventEnvelope.correlationOf(event);
        s.pool = m.position().chainId() + ":" + m.pool();
        s.feePips = m.fee();
        s.owner = m.owner();
        s.symbol0 = m.token0().symbol();
        s.decimals0 = m.token0().decimals();
        s.symbol1 = m.token1().symbol();
        s.decimals1 = m.token1().decimals();
        s.dollar = dollars.sideOf(s.symbol0, s.symbol1);
        s.tickLower = m.tickLower();
        s.tickUpper = m.tickUpper();
        s.liquidity = m.liquidity();
        s.sqrtPriceX96 = m.sqrtPriceX96();
        s.price = exactPrice(s, m.sqrtPriceX96(), m.price());
        s.valuedAt = m.at().blockTime();
        s.amount0 = m.amount0();
        s.amount1 = m.amount1();
        s.deposited0 = s.deposited0.add(m.amount0());
        s.deposited1 = s.deposited1.add(m.amount1());
        s.cost = s.cost.add(dollarValue(s, m.amount0(), m.amount1()));
        s.updatedAt = m.at().blockTime();
        return s;
    }

    public void liquidityChanged(StrategyRecord s, LpLiquidityChanged c) {
        s.liquidity = c.liquidityAfter();
        if (c.liquidityDelta().signum() >= 0) {
            s.deposited0 = s.deposited0.add(c.amount0());
            s.deposited1 = s.deposited1.add(c.amount1());
            s.amount0 = s.amount0.add(c.amount0());
            s.amount1 = s.amount1.add(c.amount1());
            if (s.price != null) {
                s.cost = s.cost.add(dollarValue(s, c.amount0(), c.amount1()));
            }
        } else {
            s.withdrawn0 = s.withdrawn0.add(c.amount0());
            s.withdrawn1 = s.withdrawn1.add(c.amount1());
            s.amount0 = s.amount0.subtract(c.amount0()).max(BigInteger.ZERO);
            s.amount1 = s.amount1.subtract(c.amount1()).max(BigInteger.ZERO);
            refreshFeesCollected(s);
        }
        s.updatedAt = c.at().blockTime();
    }

    /** A collect pays withdrawn principal first; what it paid beyond the principal withdrawn so far is fees. */
    public void feesCollected(StrategyRecord s, LpFeesCollected f) {
        s.collected0 = s.collected0.add(f.amount0());
        s.collected1 = s.collected1.add(f.amount1());
        refreshFeesCollected(s);
        s.updatedAt = f.at().blockTime();
    }

    public void valued(StrategyRecord s, LpValued v) {
        if (s.valuedAt != null && v.valuedAt().isBefore(s.valuedAt)) {
            return; // an older mark never replaces a newer one
        }
        s.sqrtPriceX96 = v.sqrtPriceX96();
        s.liquidity = v.liquidity();
        s.price = exactPrice(s, v.sqrtPriceX96(), v.price());
        s.valuedAt = v.valuedAt();
        s.amount0 = v.amount0();
        s.amount1 = v.amount1();
        s.uncollected0 = v.uncollectedFees0();
        s.uncollected1 = v.uncollectedFees1();
        s.updatedAt = v.valuedAt();
    }

    /** lp-tracker's life totals are authoritative at the close: principal withdrawn and fees alone. */
    public void closed(StrategyRecord s, LpClosed c) {
        s.withdrawn0 = c.amount0Withdrawn();
        s.withdrawn1 = c.amount1Withdrawn();
        s.feesCollected0 = c.fees0Collected();
        s.feesCollected1 = c.fees1Collected();
        s.amount0 = BigInteger.ZERO;
        s.amount1 = BigInteger.ZERO;
        s.uncollected0 = BigInteger.ZERO;
        s.uncollected1 = BigInteger.ZERO;
        s.liquidity = BigInteger.ZERO;
        s.status = "CLOSED";
        s.closedAt = c.at().blockTime();
        s.updatedAt = c.at().blockTime();
    }

    public void transferred(StrategyRecord s, LpTransferred t) {
        if (t.leftWatchedWallets()) {
            s.status = "TRANSFERRED";
            s.closedAt = t.at().blockTime();
        }
        s.owner = t.to();
        s.updatedAt = t.at().blockTime();
    }

    /**
     * The strategy after a reorganisation retracted one of its chain facts: its LP side folded again from the facts
     * that still stand, in the order they were applied; its hedge, take-profit and prediction-market parts as they
     * were. Its mark is the last standing fact's until lp-tracker's next {@code LpValued} replaces it. With no standing
     * mint the strategy holds no LP position: {@code RETRACTED}, or its hedge alone.
     */
    public StrategyRecord refolded(StrategyRecord s, List<EventEnvelope<?>> standing, Instant at) {
        StrategyRecord r = new StrategyRecord(s.strategyId, Book.LP, s.strategyId, s.openedAt);
        r.correlationId = s.correlationId;
        r.hedgeId = s.hedgeId;
        r.hedgeMarket = s.hedgeMarket;
        r.hedgeStatus = s.hedgeStatus;
        r.hedge = s.hedge;
        r.funding = s.funding;
        r.takeProfit = s.takeProfit;
        r.takeProfitUnpriced = s.takeProfitUnpriced;
        r.predictionMarket = s.predictionMarket;
        for (EventEnvelope<?> fact : standing) {
            Object p = fact.payload();
            if (p instanceof LpMinted m) {
                minted(r, fact, m);
            } else if (r.hasMint() && p instanceof LpLiquidityChanged c) {
                liquidityChanged(r, c);
            } else if (r.hasMint() && p instanceof LpFeesCollected f) {
                feesCollected(r, f);
            } else if (r.hasMint() && p instanceof LpClosed c) {
                closed(r, c);
            } else if (r.hasMint() && p instanceof LpTransferred t) {
                transferred(r, t);
            }
        }
        if (!r.hasMint()) {
            r.status = "RETRACTED";
            r.closedAt = at;
        }
        r.updatedAt = at;
        return r;
    }

    /** A hedge for a position (the position's strategy, or a new one waiting for its mint). */
    public StrategyRecord hedgeOf(StrategyRecord existing, EventEnvelope<?> event, String positionKey, String hedgeId,
            String market) {
        StrategyRecord s = existing != null ? existing
                : new StrategyRecord(positionKey, Book.LP, positionKey, event.occurredAt());
        if (s.correlationId == null) {
            s.correlationId = EventEnvelope.correlationOf(event);
        }
        s.hedgeId = hedgeId;
        s.hedgeMarket = market;
        if (s.hedge == null) {
            s.hedge = HedgeBook.EMPTY;
            s.hedgeStatus = "OPEN";
        }
        s.updatedAt = event.occurredAt();
        return s;
    }

    /** The fills of a hedge order (the order's totals when the venue reported no trades). */
    public List<PerpFill> fills(HedgeFilled f, Instant at) {
        return f.fills().isEmpty()
                ? List.of(new PerpFill(f.orderId(), f.filledQuantity(), f.averagePrice(), f.fee(), at))
                : f.fills();
    }

    public void hedgeFilled(StrategyRecord s, TradeSide side, List<PerpFill> fills) {
        for (PerpFill fill : fills) {
            s.hedge = s.hedge.fill(side, fill.quantity(), fill.price(), fill.fee());
        }
    }

    /** A funding payment of the hedge (positive received, negative paid) adds to its funding. */
    public void fundingPaid(StrategyRecord s, BigDecimal amount) {
        s.funding = s.funding == null ? amount : s.funding.add(amount);
    }

    public void hedgeClosed(StrategyRecord s, HedgeClosed c) {
        s.hedgeStatus = "CLOSED";
    }

    /** A take-profit fill's P&amp;L: closing inventory bought at {@code entry} (or sold, for a BUY take-profit). */
    public static BigDecimal takeProfitPnl(TradeSide takeProfitSide, BigDecimal quantity, BigDecimal price,
            BigDecimal entry, BigDecimal fee) {
        BigDecimal gross = takeProfitSide == TradeSide.SELL ? price.subtract(entry) : entry.subtract(price);
        return gross.multiply(quantity).subtract(fee);
    }

    public void takeProfit(StrategyRecord s, BigDecimal pnl, Instant at) {
        if (pnl == null) {
            s.takeProfitUnpriced++;
        } else {
            s.takeProfit = s.takeProfit.add(pnl);
        }
        s.updatedAt = at;
    }

    public void predictionMarket(StrategyRecord s, BigDecimal realizedPnl, Instant at) {
        s.predictionMarket = s.predictionMarket.add(realizedPnl);
        s.updatedAt = at;
    }

    private static void refreshFeesCollected(StrategyRecord s) {
        s.feesCollected0 = s.collected0.subtract(s.withdrawn0).max(BigInteger.ZERO);
        s.feesCollected1 = s.collected1.subtract(s.withdrawn1).max(BigInteger.ZERO);
    }

    /**
     * The published price (18 places) refined to {@value #PRICE_SCALE} places from the event's sqrtPriceX96, as
     * lp-tracker values with it: a deposit of 10^18 wei valued at a price rounded to 18 places can miss the exact
     * value by more than a unit in the 18th place, and the cost would then differ from lp-tracker's (found by the
     * end-to-end scenario). The refinement is used only when it rounds to the published price: the published price is
     * what the event says; sqrtPriceX96 only adds its digits. Without a sqrtPriceX96, or before the mint named the
     * decimals, the published price.
     */
    private static BigDecimal exactPrice(StrategyRecord s, BigInteger sqrtPriceX96, BigDecimal published) {
        if (sqrtPriceX96 == null || s.decimals0 == null || s.decimals1 == null || published == null) {
            return published;
        }
        BigDecimal exact = PriceMath.getPriceAtSqrtRatio(sqrtPriceX96, s.decimals0, s.decimals1, PRICE_SCALE,
                RoundingMode.HALF_EVEN);
        boolean same = exact.setScale(Math.max(published.scale(), 0), RoundingMode.HALF_EVEN).compareTo(published) == 0;
        return same ? exact : published;
    }

    private static BigDecimal dollarValue(StrategyRecord s, BigInteger amount0, BigInteger amount1) {
        TokenPair t = s.tokens();
        return Money.of(t.token1InDollars(t.valueInToken1(amount0, amount1, s.price), s.price));
    }

    private static String name(LpMinted m) {
        return m.token0().symbol() + "/" + m.token1().symbol() + " " + (m.fee() / 10_000.0) + "% #"
                + m.position().tokenId();
    }
}
