package io.tideline.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The text of an API key ({@code tlk_} and 43 base64url characters: 256 random bits) and its hash at rest. Plain
 * SHA-256 suffices for a key this random: no dictionary reaches it, and a lookup by hash stays one index probe.
 */
public final class ApiKeySecret {

    public static final String SCHEME = "tlk_";
    private static final Pattern FORM = Pattern.compile("tlk_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SHOWN = 10;

    private ApiKeySecret() {
    }

    /** A new key. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the form of a key (checked before any lookup). */
    public static boolean wellFormed(String key) {
        return key != null && FORM.matcher(key).matches();
    }

    /** The lower-case hex SHA-256 of the key: what is stored. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first characters, shown in lists so that a person can tell keys apart. */
    public static String prefix(String key) {
        return key.substring(0, SHOWN);
    }
}
