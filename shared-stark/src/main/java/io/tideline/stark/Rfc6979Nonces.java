package io.tideline.stark;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6979 HMAC-SHA256 DRBG that yields the candidate nonces of one signature, in the order @scure/starknet (noble's
 * {@code createHmacDrbg}) tries them. Seeded with {@code int2octets(d) || int2octets(h)}, 32 bytes each; each
 * candidate is 32 bytes of output; after a rejected candidate the generator is reseeded with an empty seed.
 */
final class Rfc6979Nonces {

    private static final String HMAC = "HmacSHA256";
    private static final int MAX_CANDIDATES = 1000;

    private byte[] k = new byte[32];
    private byte[] v = new byte[32];
    private int generated;

    Rfc6979Nonces(byte[] seed) {
        Arrays.fill(v, (byte) 1);
        reseed(seed);
    }

    /** The next 32-byte candidate. */
    byte[] next() {
        if (generated++ >= MAX_CANDIDATES) {
            throw new IllegalStateException("RFC 6979: no valid nonce after " + MAX_CANDIDATES + " candidates");
        }
        if (generated > 1) {
            reseed(new byte[0]);
        }
        v = hmac(k, v);
        return v.clone();
    }

    private void reseed(byte[] seed) {
        k = hmac(k, v, new byte[] {0}, seed);
        v = hmac(k, v);
        if (seed.length == 0) {
            return;
        }
        k = hmac(k, v, new byte[] {1}, seed);
        v = hmac(k, v);
    }

    private static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * @scure/starknet's {@code bits2int}: leading zero bytes are dropped first, then the value is truncated to the
     * curve's 252 bits only if the remaining bytes carry more than that. So a candidate starting with a zero byte is
     * used whole (up to 248 bits), any other is shifted right by 4.
     */
    static BigInteger bits2int(BigInteger value) {
        int bytes = (value.bitLength() + 7) / 8;
        int excess = bytes * 8 - 252;
        return excess > 0 ? value.shiftRight(excess) : value;
    }
}
