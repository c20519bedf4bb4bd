package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigInteger;

/**
 * Swap fees were collected from a position.
 *
 * @param recipient who received the tokens, lower-case
 * @param amount0   token0 fees collected, raw units (principal withdrawn by a decrease is not included)
 * @param amount1   token1 fees collected, raw units (principal withdrawn by a decrease is not included)
 */
public record LpFeesCollected(PositionRef position, String recipient, BigInteger amount0, BigInteger amount1,
                              ChainRef at) implements EventPayload {

    public LpFeesCollected {
        require(position, "position");
        recipient = EvmAddress.normalize(recipient, "recipient");
        require(amount0, "amount0");
        require(amount1, "amount1");
        require(at, "at");
    }
}
