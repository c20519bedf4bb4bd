package io.tideline.lp.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Reads ABI-encoded return data word by word (32-byte words, big-endian), the way Solidity lays it out. */
public final class AbiWords {

    private static final int WORD = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;
    private final int base;

    private AbiWords(byte[] data, int base) {
        this.data = data;
        this.base = base;
    }

    public static AbiWords of(byte[] data) {
        return new AbiWords(data, 0);
    }

    public static AbiWords ofHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return of(HEX.parseHex(digits));
    }

    public int words() {
        return (data.length - base) / WORD;
    }

    public BigInteger uint(int word) {
        return new BigInteger(1, slice(word));
    }

    /** A signed integer of any width up to 256 bits (sign-extended to the word, as the ABI pads it). */
    public BigInteger signed(int word) {
        return new BigInteger(slice(word));
    }

    public int int24(int word) {
        return signed(word).intValueExact();
    }

    public int smallUint(int word) {
        return uint(word).intValueExact();
    }

    public String address(int word) {
        byte[] w = slice(word);
        return "0x" + HEX.formatHex(w, WORD - 20, WORD);
    }

    public boolean bool(int word) {
        return uint(word).signum() != 0;
    }

    /** The words of a dynamic value whose offset (relative to this view's start) is stored in {@code word}. */
    public AbiWords at(int word) {
        return new AbiWords(data, base + uint(word).intValueExact());
    }

    /** The view starting {@code count} words further on (offsets inside it are relative to its new start). */
    public AbiWords skipWords(int count) {
        return new AbiWords(data, base + count * WORD);
    }

    /** {@code bytes} whose offset is stored in {@code word}: length word, then the bytes. */
    public byte[] bytes(int word) {
        AbiWords value = at(word);
        int length = value.uint(0).intValueExact();
        int start = value.base + WORD;
        if (start + length > data.length) {
            throw new IllegalArgumentException("ABI bytes run past the data (" + length + " bytes at " + start + ")");
        }
        return Arrays.copyOfRange(data, start, start + length);
    }

    /**
     * A token's {@code symbol()}: ABI {@code string}, or a {@code bytes32} (older tokens such as MKR), as Uniswap's
     * interface reads it.
     */
    public String symbol() {
        if (data.length - base == WORD) {
            byte[] raw = slice(0);
            int end = 0;
            while (end < raw.length && raw[end] != 0) {
                end++;
            }
            return new String(raw, 0, end, StandardCharsets.UTF_8);
        }
        return new String(bytes(0), StandardCharsets.UTF_8);
    }

    private byte[] slice(int word) {
        int start = base + word * WORD;
        if (start < 0 || start + WORD > data.length) {
            throw new IllegalArgumentException("ABI data has no word " + word + " (" + (data.length - base)
                    + " bytes)");
        }
        return Arrays.copyOfRange(data, start, start + WORD);
    }
}
