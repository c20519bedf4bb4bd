package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A position was closed: all its liquidity removed, or its NFT burned; the totals it returned and its realized P&amp;L.
 *
 * @param amount0Withdrawn   token0 principal withdrawn over the position's life, raw units
 * @param amount1Withdrawn   token1 principal withdrawn over the position's life, raw units
 * @param fees0Collected     token0 fees collected over the position's life, raw units
 * @param fees1Collected     token1 fees collected over the position's life, raw units
 * @param realizedPnlToken1  what was withdrawn and collected minus what was deposited, in token1 at the closing price
 */
public record LpClosed(PositionRef position, Reason reason, BigInteger amount0Withdrawn, BigInteger amount1Withdrawn,
                       BigInteger fees0Collected, BigInteger fees1Collected, BigDecimal realizedPnlToken1, ChainRef at)
        implements EventPayload {

    /** Why the position counts as closed. */
    public enum Reason {
        LIQUIDITY_REMOVED,
        BURNED
    }

    public LpClosed {
        require(position, "position");
        require(reason, "reason");
        require(amount0Withdrawn, "amount0Withdrawn");
        require(amount1Withdrawn, "amount1Withdrawn");
        require(fees0Collected, "fees0Collected");
        require(fees1Collected, "fees1Collected");
        require(realizedPnlToken1, "realizedPnlToken1");
        require(at, "at");
    }
}
