package io.tideline.extended;

/**
 * Signs an order for settlement on Starknet, producing the {@code settlement} object Extended requires on every
 * {@code POST /user/order}.
 *
 * <p>Extended's scheme (x10xchange python_sdk {@code order_object_settlement.py}, hashing in x10xchange
 * rust-crypto-lib-base {@code starknet_messages.rs}): a SNIP-12 revision 1 typed message, hashed with Poseidon and
 * signed with ECDSA on the Stark curve by the account's private Stark key.
 * <ol>
 *   <li>Amounts in Stark units: {@code base = quantity * syntheticResolution},
 *       {@code quote = quantity * price * collateralResolution} (both rounded up for a BUY, down for a SELL), and
 *       {@code fee = maxFeeRate * quantity * price * collateralResolution} rounded up. A BUY signs {@code +base} and
 *       {@code -quote}; a SELL {@code -base} and {@code +quote}.</li>
 *   <li>The struct hash of {@code Order(position_id, base_asset_id, base_amount, quote_asset_id, quote_amount,
 *       fee_asset_id, fee_amount, expiration, salt)} over the type string
 *       {@code "Order"("position_id":"felt","base_asset_id":"AssetId","base_amount":"i64","quote_asset_id":"AssetId",
 *       "quote_amount":"i64","fee_asset_id":"AssetId","fee_amount":"u64","expiration":"Timestamp","salt":"felt")
 *       "PositionId"("value":"u32")"AssetId"("value":"felt")"Timestamp"("seconds":"u64")}, where the position is the
 *       account's vault ({@code collateralPosition}), the base asset is the market's {@code l2Config.syntheticId},
 *       the quote and fee asset its {@code l2Config.collateralId}, the expiration is
 *       {@code ceil(expiryEpochMillis / 1000) + 14 days} in seconds, and the salt is the order's {@code nonce}.</li>
 *   <li>The message hash: {@code Poseidon("StarkNet Message", domainHash, accountPublicKey, structHash)} with the
 *       domain {@code StarknetDomain(name "Perpetuals", version "v0", chainId "SN_MAIN" or "SN_SEPOLIA",
 *       revision "1")}.</li>
 *   <li>{@code (r, s)} = Stark-curve ECDSA signature of the message hash; sent as 0x-hex with the public key
 *       ({@code starkKey}) and the vault number ({@code collateralPosition}).</li>
 * </ol>
 * The signature therefore binds quantity, price, fee, nonce and expiry: change any of them and the order must be
 * signed again. Implementations hold the private key; this module only ever sees the result.
 *
 * @see StandInOrderSigner for the stand-in server and paper runs
 */
public interface OrderSigner {

    /** The settlement for {@code order}. */
    OrderSettlement sign(SignableOrder order);
}
