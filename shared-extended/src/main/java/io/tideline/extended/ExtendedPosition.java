package io.tideline.extended;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;

/**
 * The account's open position in one market ({@code GET /user/positions}).
 *
 * @param side      SELL for a short, BUY for a long (Extended's SHORT / LONG)
 * @param size      in the base asset, positive
 * @param markPrice Extended's mark price with the position, or null when absent
 */
public record ExtendedPosition(String market, TradeSide side, BigDecimal size, BigDecimal openPrice,
                               BigDecimal markPrice) {
}
