package io.tideline.analytics.lots;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A (part of a) lot closed by a trade: the tax report's line.
 *
 * @param shortPosition the lot was a short (opened by a sale, closed by a purchase)
 * @param costBasis     dollars paid for the quantity (for a short: paid to buy it back), fees included
 * @param proceeds      dollars received for it (for a short: from the opening sale), fees deducted
 * @param gain          {@code proceeds − costBasis}
 * @param longTerm      held more than 365 days
 */
public record Disposal(String instrument, String openTradeId, String closeTradeId, boolean shortPosition,
                       Instant openedAt, Instant closedAt, BigDecimal quantity, BigDecimal costBasis,
                       BigDecimal proceeds, BigDecimal gain, boolean longTerm) {
}
