package io.tideline.pnl.lots;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Shares of one buy still held (or partly sold).
 *
 * @param remaining    shares not yet closed
 * @param price        what each share cost, in collateral
 * @param remainingFee the part of the buy's fee not yet attributed to a close
 * @param alertId      the alert the buy followed, or null
 */
public record Lot(long lotId, Instant acquiredAt, BigDecimal shares, BigDecimal remaining, BigDecimal price,
                  BigDecimal fee, BigDecimal remainingFee, String alertId) {
}
