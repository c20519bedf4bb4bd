package io.tideline.extended;

import io.tideline.events.TradeSide;
import io.tideline.stark.ExtendedOrder;
import io.tideline.stark.ExtendedOrderHash;
import io.tideline.stark.StarkEcdsa;
import io.tideline.stark.StarkField;
import io.tideline.stark.StarkSignature;
import io.tideline.stark.StarknetChain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Signs orders for Extended for real: the order in Stark units ({@link #starkOrder}), hashed as Extended's SNIP-12
 * {@code Order} (shared-stark's {@link ExtendedOrderHash}) and signed with Stark-curve ECDSA, deterministic k
 * (RFC 6979), by the account's private Stark key — the scheme {@link OrderSigner} states.
 *
 * <p>The private key lives only in this object; {@link #toString()} names the public key alone.
 */
public final class StarkOrderSigner implements OrderSigner {

    /** Extended signs an expiration two weeks past the order's own (python_sdk {@code order_object_settlement}). */
    static final Duration EXPIRATION_MARGIN = Duration.ofDays(14);

    private final BigInteger privateKey;
    private final BigInteger starkKey;
    private final long vault;
    private final StarknetChain chain;

    /**
     * @param privateKey the account's private Stark key, in [1, curve order)
     * @param vault      the account's collateral position (vault) number
     */
    public StarkOrderSigner(BigInteger privateKey, long vault, StarknetChain chain) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.starkKey = StarkEcdsa.starkKey(privateKey);
        this.vault = vault;
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    /** Reads a 0x-hex private key; the message names "the Stark private key" and never repeats the key. */
    public static StarkOrderSigner fromHex(String privateKeyHex, long vault, StarknetChain chain) {
        return fromHex(privateKeyHex, vault, chain, "the Stark private key");
    }

    /**
     * Reads a 0x-hex private key; a bad one fails with a message naming {@code setting} (the caller's property,
     * e.g. {@code tideline.perp.extended.stark-private-key}) and never repeating the key.
     */
    public static StarkOrderSigner fromHex(String privateKeyHex, long vault, StarknetChain chain, String setting) {
        String hex = privateKeyHex == null ? "" : privateKeyHex.trim();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        BigInteger key;
        try {
            key = new BigInteger(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " must be a 0x-hex number");
        }
        if (key.signum() <= 0) {
            throw new IllegalArgumentException(setting + " must be above 0");
        }
        return new StarkOrderSigner(key, vault, chain);
    }

    /** The account's public Stark key, 0x-hex. */
    public String starkKeyHex() {
        return StarkField.toHex(starkKey);
    }

    @Override
    public OrderSettlement sign(SignableOrder order) {
        ExtendedOrder stark = starkOrder(order, vault);
        BigInteger hash = ExtendedOrderHash.messageHash(stark, chain, starkKey);
        StarkSignature signature = StarkEcdsa.sign(privateKey, hash);
        return new OrderSettlement(signature.rHex(), signature.sHex(), starkKeyHex(), Long.toString(vault));
    }

    /**
     * The order in Stark units: base = quantity × synthetic resolution, quote = quantity × price × collateral
     * resolution (both rounded up for a BUY, down for a SELL), fee = max fee rate × quantity × price × collateral
     * resolution rounded up; a BUY signs +base and −quote, a SELL −base and +quote; the expiration is
     * ceil(expiry ms / 1000) plus {@link #EXPIRATION_MARGIN}; the salt is the nonce.
     */
    static ExtendedOrder starkOrder(SignableOrder order, long vault) {
        ExtendedMarket m = order.market();
        boolean buy = order.side() == TradeSide.BUY;
        RoundingMode towardTheVenue = buy ? RoundingMode.CEILING : RoundingMode.FLOOR;
        BigDecimal notional = order.quantity().multiply(order.price());
        long base = units(order.quantity().multiply(BigDecimal.valueOf(m.syntheticResolution())), towardTheVenue);
        long quote = units(notional.multiply(BigDecimal.valueOf(m.collateralResolution())), towardTheVenue);
        long fee = units(order.maxFeeRate().multiply(notional).multiply(BigDecimal.valueOf(m.collateralResolution())),
                RoundingMode.CEILING);
        long millis = order.expiresAt().toEpochMilli();
        long expiration = Math.floorDiv(millis + 999, 1000) + EXPIRATION_MARGIN.toSeconds();
        BigInteger quoteAsset = asset(m.collateralAssetId());
        return new ExtendedOrder(vault, asset(m.syntheticAssetId()), buy ? base : -base, quoteAsset,
                buy ? -quote : quote, quoteAsset, fee, expiration, BigInteger.valueOf(order.nonce()));
    }

    private static long units(BigDecimal value, RoundingMode rounding) {
        return value.setScale(0, rounding).longValueExact();
    }

    private static BigInteger asset(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return new BigInteger(digits, 16);
    }

    @Override
    public String toString() {
        return "StarkOrderSigner[starkKey=" + starkKeyHex() + ", vault=" + vault + ", chain=" + chain + "]";
    }
}
