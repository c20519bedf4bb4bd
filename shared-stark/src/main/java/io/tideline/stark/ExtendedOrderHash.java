package io.tideline.stark;

import java.math.BigInteger;
import java.util.List;

/**
 * The message hash an Extended order's settlement signature covers (x10xchange rust-crypto-lib-base
 * {@code starknet_messages.rs}, the hashing of Extended's Starknet contracts).
 *
 * <p>Two details differ from what a generic SNIP-12 encoder (starknet.js {@code typedData}) would produce, and both
 * are deliberate on Extended's side, so both are reproduced: the referenced types are listed in the order
 * {@code PositionId, AssetId, Timestamp} (not sorted), and the one-field wrapper structs ({@code AssetId},
 * {@code Timestamp}) are hashed as their bare value, not as a nested struct hash. The type string still names them, so
 * the type hash is Extended's.
 */
public final class ExtendedOrderHash {

    static final Snip12Type POSITION_ID = Snip12Type.of("PositionId", "value", "u32");
    static final Snip12Type ASSET_ID = Snip12Type.of("AssetId", "value", "felt");
    static final Snip12Type TIMESTAMP = Snip12Type.of("Timestamp", "seconds", "u64");
    static final Snip12Type ORDER = Snip12Type.of("Order",
            "position_id", "felt",
            "base_asset_id", "AssetId",
            "base_amount", "i64",
            "quote_asset_id", "AssetId",
            "quote_amount", "i64",
            "fee_asset_id", "AssetId",
            "fee_amount", "u64",
            "expiration", "Timestamp",
            "salt", "felt");

    /** {@code starknet_keccak} of the Order type string. */
    public static final BigInteger ORDER_TYPE_HASH = ORDER.typeHash(List.of(POSITION_ID, ASSET_ID, TIMESTAMP));

    private ExtendedOrderHash() {
    }

    /** Extended's domain on the given chain: {@code Perpetuals / v0 / chain / revision 1}. */
    public static Snip12Domain domain(StarknetChain chain) {
        return new Snip12Domain("Perpetuals", "v0", chain.shortName(), 1);
    }

    /** The Order's struct hash. */
    public static BigInteger structHash(ExtendedOrder order) {
        return Snip12Type.structHash(ORDER_TYPE_HASH, List.of(
                BigInteger.valueOf(order.positionId()),
                order.baseAssetId(),
                StarkField.fromSigned(order.baseAmount()),
                order.quoteAssetId(),
                StarkField.fromSigned(order.quoteAmount()),
                order.feeAssetId(),
                StarkField.fromUnsigned64(order.feeAmount()),
                StarkField.fromUnsigned64(order.expirationSeconds()),
                order.salt()));
    }

    /** The hash the account signs: the Order bound to Extended's domain on {@code chain} and to {@code starkKey}. */
    public static BigInteger messageHash(ExtendedOrder order, StarknetChain chain, BigInteger starkKey) {
        return domain(chain).messageHash(starkKey, structHash(order));
    }
}
