package io.tideline.extended;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The account's collateral ({@code GET /user/balance}), every amount in the collateral asset.
 *
 * @param equity            balance plus unrealised P&amp;L
 * @param availableForTrade what new orders may still use as margin
 * @param marginRatio       Extended's margin ratio, a fraction
 */
public record ExtendedBalance(String collateralName, BigDecimal balance, BigDecimal equity,
                              BigDecimal availableForTrade, BigDecimal availableForWithdrawal,
                              BigDecimal unrealisedPnl, BigDecimal initialMargin, BigDecimal marginRatio,
                              Instant updatedAt) {
}
