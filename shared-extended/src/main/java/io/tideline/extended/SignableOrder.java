package io.tideline.extended;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The fields of an order that its settlement signature covers, exactly as they are sent in {@code POST /user/order}.
 *
 * @param market     the market with its Starknet asset ids and resolutions (needed to turn the amounts into Stark
 *                   units)
 * @param quantity   base asset quantity ({@code qty})
 * @param price      worst accepted price ({@code price})
 * @param maxFeeRate highest accepted fee rate ({@code fee})
 * @param nonce      the order's salt ({@code nonce}), 1 to 2^31
 * @param expiresAt  {@code expiryEpochMillis}
 */
public record SignableOrder(ExtendedMarket market, TradeSide side, BigDecimal quantity, BigDecimal price,
                            BigDecimal maxFeeRate, long nonce, Instant expiresAt) {

    public SignableOrder {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(maxFeeRate, "maxFeeRate");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
