package io.tideline.pnl.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alchemy's webhook signature: the lower-case hex HMAC-SHA256 of the raw request body, keyed with the webhook's
 * signing key. Compared in constant time over the bytes, so a timing probe learns nothing of the expected value.
 */
public final class AlchemySignature {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    public AlchemySignature(String signingKey) {
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The signature Alchemy sends for this body. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Whether {@code header} is this body's signature (hex case is ignored; anything else must match exactly). */
    public boolean verifies(byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
