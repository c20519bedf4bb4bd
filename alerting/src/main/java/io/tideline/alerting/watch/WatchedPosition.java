package io.tideline.alerting.watch;

import io.tideline.alerting.rule.Subject;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What alerting knows of an LP position from the events: whose and where it is, whether it is in range, its last
 * valuation and its hedge. Amounts have their token decimals applied.
 *
 * @param lossToken1 the impermanent loss at the last valuation, positive for a loss
 * @param feesToken1 uncollected fees at the last valuation, valued in token1
 * @param hedgedQty  the hedge's short (sells filled minus buys filled) in its market's base asset
 */
public record WatchedPosition(String positionKey, String owner, String pool, String symbol0, String symbol1,
                              Integer decimals0, Integer decimals1, BigDecimal costToken1, boolean open,
                              Instant outOfRangeSince, Instant mintedAt, BigDecimal amount0, BigDecimal amount1,
                              BigDecimal lossToken1, BigDecimal feesToken1, String hedgeMarket, BigDecimal hedgedQty,
                              boolean hedged) {

    /** The subject of alerts about this position, with its owner and pool for scopes. */
    public Subject subject() {
        return new Subject(positionKey, owner, positionKey, pool, null, owner);
    }

    /** A position only known by key (its mint was not seen, e.g. before alerting started). */
    public static WatchedPosition unknown(String key) {
        return new WatchedPosition(key, null, null, null, null, null, null, null, true, null, null, null, null, null,
                null, null, BigDecimal.ZERO, false);
    }

    public WatchedPosition minted(String newOwner, String newPool, String sym0, String sym1, int dec0, int dec1,
            BigDecimal cost, Instant at, BigDecimal held0, BigDecimal held1) {
        return new WatchedPosition(positionKey, newOwner, newPool, sym0, sym1, dec0, dec1, cost, true, null, at, held0,
                held1, null, null, hedgeMarket, hedgedQty, hedged);
    }

    public WatchedPosition outOfRange(Instant since) {
        return new WatchedPosition(positionKey, owner, pool, symbol0, symbol1, decimals0, decimals1, costToken1, open,
                since, mintedAt, amount0, amount1, lossToken1, feesToken1, hedgeMarket, hedgedQty, hedged);
    }

    public WatchedPosition valued(BigDecimal held0, BigDecimal held1, BigDecimal loss, BigDecimal fees) {
        return new WatchedPosition(positionKey, owner, pool, symbol0, symbol1, decimals0, decimals1, costToken1, open,
                outOfRangeSince, mintedAt, held0, held1, loss, fees, hedgeMarket, hedgedQty, hedged);
    }

    public WatchedPosition hedge(String market, BigDecimal qty, boolean filled) {
        return new WatchedPosition(positionKey, owner, pool, symbol0, symbol1, decimals0, decimals1, costToken1, open,
                outOfRangeSince, mintedAt, amount0, amount1, lossToken1, feesToken1, market, qty, filled);
    }

    public WatchedPosition ownedBy(String newOwner) {
        return new WatchedPosition(positionKey, newOwner, pool, symbol0, symbol1, decimals0, decimals1, costToken1,
                open, outOfRangeSince, mintedAt, amount0, amount1, lossToken1, feesToken1, hedgeMarket, hedgedQty,
                hedged);
    }

    /** No longer the desk's: closed, transferred away, or its mint undone by a reorg. */
    public WatchedPosition gone() {
        return new WatchedPosition(positionKey, owner, pool, symbol0, symbol1, decimals0, decimals1, costToken1, false,
                null, mintedAt, amount0, amount1, lossToken1, feesToken1, hedgeMarket, hedgedQty, hedged);
    }
}
