package io.tideline.analytics.readmodel;

import io.tideline.analytics.portfolio.Book;
import io.tideline.analytics.portfolio.HedgeBook;
import io.tideline.analytics.portfolio.LpHoldings;
import io.tideline.analytics.portfolio.StrategyState;
import io.tideline.analytics.portfolio.TokenPair;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * One {@code strategy} row in memory: loaded, changed by {@link StrategyProjection} for one event, written back. The
 * fields mirror the table's columns (see V1__analytics.sql).
 */
public final class StrategyRecord {

    final String strategyId;
    Book book;
    String name;
    String correlationId;
    String status = "OPEN";
    Instant openedAt;
    Instant closedAt;
    Instant updatedAt;
    String pool;
    String owner;
    String symbol0;
    Integer decimals0;
    String symbol1;
    Integer decimals1;
    TokenPair.Dollar dollar;
    Integer tickLower;
    Integer tickUpper;
    BigInteger liquidity = BigInteger.ZERO;
    BigInteger sqrtPriceX96;
    BigDecimal price;
    Instant valuedAt;
    BigInteger amount0 = BigInteger.ZERO;
    BigInteger amount1 = BigInteger.ZERO;
    BigInteger uncollected0 = BigInteger.ZERO;
    BigInteger uncollected1 = BigInteger.ZERO;
    BigInteger deposited0 = BigInteger.ZERO;
    BigInteger deposited1 = BigInteger.ZERO;
    BigInteger withdrawn0 = BigInteger.ZERO;
    BigInteger withdrawn1 = BigInteger.ZERO;
    BigInteger collected0 = BigInteger.ZERO;
    BigInteger collected1 = BigInteger.ZERO;
    BigInteger feesCollected0 = BigInteger.ZERO;
    BigInteger feesCollected1 = BigInteger.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    String hedgeId;
    String hedgeMarket;
    String hedgeStatus;
    HedgeBook hedge;
    BigDecimal funding;
    BigDecimal takeProfit = BigDecimal.ZERO;
    int takeProfitUnpriced;
    BigDecimal predictionMarket = BigDecimal.ZERO;
    Integer feePips;

    StrategyRecord(String strategyId, Book book, String name, Instant openedAt) {
        this.strategyId = strategyId;
        this.book = book;
        this.name = name;
        this.openedAt = openedAt;
        this.updatedAt = openedAt;
    }

    public String strategyId() {
        return strategyId;
    }

    public Book book() {
        return book;
    }

    public String name() {
        return name;
    }

    public String status() {
        return status;
    }

    public String correlationId() {
        return correlationId;
    }

    public String pool() {
        return pool;
    }

    /** The LP pool's fee tier in pips (3000 = 0.30 %); null before the mint. */
    public Integer feePips() {
        return feePips;
    }

    public String hedgeMarket() {
        return hedgeMarket;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** Whether the LP position's mint has been seen (and not retracted). */
    public boolean hasMint() {
        return decimals0 != null;
    }

    /** Whether the LP side has been seen (a mint with its tokens) and valued at least once at a price. */
    public boolean hasLp() {
        return decimals0 != null && price != null;
    }

    public TokenPair tokens() {
        return new TokenPair(symbol0, decimals0, symbol1, decimals1, dollar);
    }

    public Integer tickLower() {
        return tickLower;
    }

    public Integer tickUpper() {
        return tickUpper;
    }

    public BigInteger liquidity() {
        return liquidity;
    }

    public BigDecimal price() {
        return price;
    }

    public BigInteger uncollected0() {
        return uncollected0;
    }

    public BigInteger uncollected1() {
        return uncollected1;
    }

    public HedgeBook hedge() {
        return hedge;
    }

    public BigInteger sqrtPriceX96() {
        return sqrtPriceX96;
    }

    public BigInteger amount0() {
        return amount0;
    }

    public BigInteger amount1() {
        return amount1;
    }

    public BigInteger deposited0() {
        return deposited0;
    }

    public BigInteger deposited1() {
        return deposited1;
    }

    public BigInteger withdrawn0() {
        return withdrawn0;
    }

    public BigInteger withdrawn1() {
        return withdrawn1;
    }

    public BigInteger feesCollected0() {
        return feesCollected0;
    }

    public BigInteger feesCollected1() {
        return feesCollected1;
    }

    public Integer decimals0() {
        return decimals0;
    }

    public Integer decimals1() {
        return decimals1;
    }

    public Instant valuedAt() {
        return valuedAt;
    }

    public int takeProfitUnpriced() {
        return takeProfitUnpriced;
    }

    /** The figures' inputs, with the hedge marked at {@code hedgeMark} (null when no mark is known). */
    public StrategyState state(BigDecimal hedgeMark) {
        LpHoldings lp = hasLp() ? new LpHoldings(tokens(), amount0, amount1, uncollected0, uncollected1, deposited0,
                deposited1, withdrawn0, withdrawn1, feesCollected0, feesCollected1, cost, price) : null;
        return new StrategyState(lp, hedge, hedgeMark, funding, book == Book.LP && lp != null ? null : BigDecimal.ZERO,
                takeProfit, predictionMarket);
    }
}
