package io.tideline.extended;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deterministic stand-in for the Stark signature, for the Extended stand-in server and paper/local runs only:
 * {@code r} and {@code s} are HMAC-SHA256 values over the order's canonical fields, NOT a Stark-curve signature, and
 * the real venue rejects them. Its {@code starkKey} is {@link #STAND_IN_STARK_KEY} (the hex of
 * {@code "tideline-stand-in"}), so a stand-in settlement is recognisable wherever it is logged or stored.
 *
 * <p>The canonical fields are {@code market|side|quantity|price|maxFeeRate|nonce|expiryEpochMillis} with decimals in
 * plain notation, so the same order always gets the same signature and a changed field a different one.
 */
public final class StandInOrderSigner implements OrderSigner {

    /** The marker Stark key of every stand-in settlement: hex of the ASCII text {@code tideline-stand-in}. */
    public static final String STAND_IN_STARK_KEY =
            "0x" + HexFormat.of().formatHex("tideline-stand-in".getBytes(StandardCharsets.US_ASCII));

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final long collateralPosition;

    /**
     * @param key                the HMAC key (a test or paper value, not a secret of any real account)
     * @param collateralPosition the vault number to report
     */
    public StandInOrderSigner(byte[] key, long collateralPosition) {
        Objects.requireNonNull(key, "key");
        if (key.length == 0) {
            throw new IllegalArgumentException("the stand-in signing key must not be empty");
        }
        this.key = new SecretKeySpec(key.clone(), HMAC);
        this.collateralPosition = collateralPosition;
    }

    @Override
    public OrderSettlement sign(SignableOrder order) {
        String fields = canonicalFields(order);
        return new OrderSettlement(hmacHex("r|" + fields), hmacHex("s|" + fields), STAND_IN_STARK_KEY,
                Long.toString(collateralPosition));
    }

    /** Whether {@code settlement} is this signer's settlement of {@code order} (for a stand-in server). */
    public boolean verifies(SignableOrder order, OrderSettlement settlement) {
        OrderSettlement expected = sign(order);
        return constantTimeEquals(expected.signatureR(), settlement.signatureR())
                && constantTimeEquals(expected.signatureS(), settlement.signatureS())
                && expected.starkKey().equals(settlement.starkKey())
                && expected.collateralPosition().equals(settlement.collateralPosition());
    }

    static String canonicalFields(SignableOrder order) {
        return String.join("|", order.market().name(), order.side().name(), order.quantity().toPlainString(),
                order.price().toPlainString(), order.maxFeeRate().toPlainString(), Long.toString(order.nonce()),
                Long.toString(order.expiresAt().toEpochMilli()));
    }

    private String hmacHex(String message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return "0x" + HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
