package io.tideline.stark;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The Starknet field {@code p = 2^251 + 17 * 2^192 + 1} and the encodings of values into it ("felts") that
 * Starknet's typed data and Extended's orders use.
 */
public final class StarkField {

    /** The field prime. */
    public static final BigInteger P = BigInteger.TWO.pow(251)
            .add(BigInteger.valueOf(17).shiftLeft(192))
            .add(BigInteger.ONE);

    private static final int SHORT_STRING_MAX = 31;

    private StarkField() {
    }

    /** {@code value} checked to be a felt, in {@code [0, p)}. */
    public static BigInteger felt(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(P) >= 0) {
            throw new IllegalArgumentException("not a felt (must be in [0, p)): " + value);
        }
        return value;
    }

    /** A 0x-prefixed (or bare) hex string as a felt. */
    public static BigInteger feltFromHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("empty hex felt: " + hex);
        }
        return felt(new BigInteger(digits, 16));
    }

    /** A signed integer as a felt: negative values are {@code p - |value|}, as Cairo's {@code i64.into()} does. */
    public static BigInteger fromSigned(long value) {
        BigInteger v = BigInteger.valueOf(value);
        return value < 0 ? P.add(v) : v;
    }

    /** An unsigned 64-bit value ({@code u64}); {@code value} is read as unsigned. */
    public static BigInteger fromUnsigned64(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    /** A Cairo short string: at most 31 ASCII characters, big-endian, as one felt. */
    public static BigInteger shortString(String ascii) {
        if (ascii.length() > SHORT_STRING_MAX) {
            throw new IllegalArgumentException("a short string has at most 31 characters: " + ascii);
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (ascii.charAt(i) > 0x7f) {
                throw new IllegalArgumentException("a short string is ASCII: " + ascii);
            }
        }
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        return bytes.length == 0 ? BigInteger.ZERO : new BigInteger(1, bytes);
    }

    /** A signed integer ({@code i128} and the like) as a felt: negative values are {@code p - |value|}. */
    public static BigInteger fromSigned(BigInteger value) {
        return felt(value.signum() < 0 ? P.add(value) : value);
    }

    /**
     * A SNIP-12 {@code shortstring} value as starknet.js encodes it: a string that reads as a number (0x-hex or
     * decimal digits) is that number, any other is the ASCII {@link #shortString}. So the revision "1" is 1, not the
     * character '1'.
     */
    public static BigInteger shortStringValue(String value) {
        if (value.matches("0[xX][0-9a-fA-F]+")) {
            return felt(new BigInteger(value.substring(2), 16));
        }
        if (value.matches("[0-9]+")) {
            return felt(new BigInteger(value));
        }
        return shortString(value);
    }

    /** 0x-prefixed lower-case hex without leading zeros, as starknet.js prints felts. */
    public static String toHex(BigInteger felt) {
        return "0x" + felt.toString(16);
    }

    static BigInteger add(BigInteger a, BigInteger b) {
        return a.add(b).mod(P);
    }
}
