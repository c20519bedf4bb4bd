package io.tideline.perp.hedge;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * An order a decision asks for (its first generation), before it is stored.
 *
 * @param externalId    the client order id: {@link ExternalIds#of}(hedge, step, 0)
 * @param correlationId the correlation id of the LP fact it answers
 */
public record NewOrder(int step, OrderPurpose purpose, TradeSide side, BigDecimal quantity, boolean reduceOnly,
                       BigDecimal referencePrice, String externalId, String correlationId) {

    static NewOrder of(UUID hedgeId, int step, OrderPurpose purpose, TradeSide side, BigDecimal quantity,
            boolean reduceOnly, BigDecimal referencePrice, String correlationId) {
        return new NewOrder(step, purpose, side, quantity, reduceOnly, referencePrice,
                ExternalIds.of(hedgeId, step, 0), correlationId);
    }
}
