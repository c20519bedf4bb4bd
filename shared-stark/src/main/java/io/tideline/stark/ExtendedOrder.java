package io.tideline.stark;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The fields of Extended's on-chain {@code Order} in Stark units, as they are hashed and signed.
 *
 * @param positionId        the account's vault (position) number, a {@code u32}
 * @param baseAssetId       the market's synthetic asset id
 * @param baseAmount        synthetic amount, signed: positive buys, negative sells ({@code i64})
 * @param quoteAssetId      the collateral asset id
 * @param quoteAmount       collateral amount, signed, opposite in sign to the base amount ({@code i64})
 * @param feeAssetId        the asset the fee is paid in (the collateral)
 * @param feeAmount         the largest fee, in collateral Stark units ({@code u64}, never negative here)
 * @param expirationSeconds the order's expiration in Unix seconds ({@code u64})
 * @param salt              the order's nonce
 */
public record ExtendedOrder(long positionId, BigInteger baseAssetId, long baseAmount, BigInteger quoteAssetId,
                            long quoteAmount, BigInteger feeAssetId, long feeAmount, long expirationSeconds,
                            BigInteger salt) {

    public ExtendedOrder {
        if (positionId < 0 || positionId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("positionId must be a u32: " + positionId);
        }
        StarkField.felt(Objects.requireNonNull(baseAssetId, "baseAssetId"));
        StarkField.felt(Objects.requireNonNull(quoteAssetId, "quoteAssetId"));
        StarkField.felt(Objects.requireNonNull(feeAssetId, "feeAssetId"));
        StarkField.felt(Objects.requireNonNull(salt, "salt"));
        if (feeAmount < 0) {
            throw new IllegalArgumentException("feeAmount must not be negative: " + feeAmount);
        }
        if (expirationSeconds < 0) {
            throw new IllegalArgumentException("expirationSeconds must not be negative: " + expirationSeconds);
        }
    }
}
