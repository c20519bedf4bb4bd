package io.tideline.stark;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Starknet's {@code starknet_keccak}: Keccak-256 (the original padding, not SHA3-256) masked to its low 250 bits. It
 * names entry points (selectors) and SNIP-12 types.
 */
public final class StarkKeccak {

    private static final BigInteger MASK_250 = BigInteger.ONE.shiftLeft(250).subtract(BigInteger.ONE);

    private StarkKeccak() {
    }

    /** {@code starknet_keccak(bytes)}. */
    public static BigInteger hash(byte[] bytes) {
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return new BigInteger(1, out).and(MASK_250);
    }

    /** The selector of a name or the type hash of a type string: {@code starknet_keccak} of its UTF-8 bytes. */
    public static BigInteger selector(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }
}
