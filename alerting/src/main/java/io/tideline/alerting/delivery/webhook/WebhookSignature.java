package io.tideline.alerting.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of an outbound webhook: {@code X-Tideline-Signature: sha256=<hex>} where hex is the lowercase
 * HMAC-SHA256, keyed with the channel's secret (its UTF-8 bytes), of {@code "<timestamp>.<raw body>"};
 * {@code <timestamp>} is the {@code X-Tideline-Timestamp} header, Unix seconds. A receiver recomputes it over the bytes
 * it received and rejects a timestamp older than {@link #REPLAY_WINDOW_SECONDS}.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Tideline-Signature";
    public static final String TIMESTAMP_HEADER = "X-Tideline-Timestamp";
    /** How old a timestamp receivers should still accept: 5 minutes. */
    public static final long REPLAY_WINDOW_SECONDS = 300;
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WebhookSignature() {
    }

    /** The header value, {@code sha256=<hex>}, for a body sent at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        return "sha256=" + hex(hmac(secret, timestamp, body));
    }

    /**
     * Whether {@code signature} is the one for this body and timestamp, and the timestamp is within the replay window
     * of {@code nowSeconds} (what a receiver checks; compared in constant time).
     */
    public static boolean verify(String secret, long timestamp, byte[] body, String signature, long nowSeconds) {
        if (signature == null || Math.abs(nowSeconds - timestamp) > REPLAY_WINDOW_SECONDS) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
