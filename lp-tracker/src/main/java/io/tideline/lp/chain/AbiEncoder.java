package io.tideline.lp.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.HexFormat;
import org.web3j.crypto.Hash;

/** Calldata for the few functions the tracker calls: a selector and static 32-byte arguments. */
public final class AbiEncoder {

    private static final HexFormat HEX = HexFormat.of();

    private AbiEncoder() {
    }

    /** The 4-byte function selector of a canonical signature, e.g. {@code positions(uint256)}. */
    public static byte[] selector(String signature) {
        byte[] hash = Hash.sha3(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return java.util.Arrays.copyOf(hash, 4);
    }

    /** The 32-byte topic of an event signature, 0x-hex. */
    public static String topic(String signature) {
        return Hash.sha3String(signature);
    }

    /** selector + one word per argument; each argument is a two's-complement integer or an address. */
    public static byte[] call(byte[] selector, BigInteger... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + 32 * args.length);
        out.writeBytes(selector);
        for (BigInteger arg : args) {
            out.writeBytes(word(arg));
        }
        return out.toByteArray();
    }

    public static byte[] word(BigInteger value) {
        byte[] word = new byte[32];
        if (value.signum() < 0) {
            java.util.Arrays.fill(word, (byte) 0xff);
        }
        byte[] raw = value.toByteArray();
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, word, 32 - length, length);
        return word;
    }

    public static BigInteger address(String address) {
        return new BigInteger(address.substring(2), 16);
    }

    public static String hex(byte[] bytes) {
        return "0x" + HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
    }
}
