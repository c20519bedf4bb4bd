package io.tideline.e2e.receivers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a receiver of alerting's signed webhooks does before trusting one (alerting/README.md, "Verifying a webhook"):
 * {@code X-Tideline-Signature} must be {@code sha256=} and the lowercase hex HMAC-SHA256 of
 * {@code <X-Tideline-Timestamp>.<raw body>} keyed with the channel's secret, compared in constant time, and the
 * timestamp within the replay window of this clock. Written from the documented recipe, not from alerting's signer, so
 * that it checks the signer rather than repeating it.
 */
public final class WebhookSignatureCheck {

    private final byte[] secret;
    private final Duration window;

    public WebhookSignatureCheck(String secret, Duration window) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.window = window;
    }

    /** Why the request is refused, or {@code null} when it is signed with the secret and fresh. */
    public String refusal(String timestamp, String signature, byte[] rawBody, Instant now) {
        if (timestamp == null || signature == null) {
            return "X-Tideline-Timestamp and X-Tideline-Signature are required";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "X-Tideline-Timestamp is not Unix seconds: " + timestamp;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
            return "X-Tideline-Timestamp " + timestamp + " is outside the replay window of " + window.toSeconds() + " s";
        }
        byte[] expected = ("sha256=" + hmacHex(timestamp, rawBody)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return "X-Tideline-Signature does not match the body";
        }
        return null;
    }

    private String hmacHex(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
