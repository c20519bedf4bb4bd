package io.tideline.pnl.lots;

import java.math.BigDecimal;

/**
 * Shares a close takes from one lot.
 *
 * @param costBasis quantity x the lot's price, exact
 * @param fee       the lot's buy fee attributed to these shares
 */
public record LotTake(Lot lot, BigDecimal quantity, BigDecimal costBasis, BigDecimal fee) {
}
