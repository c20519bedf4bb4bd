package io.tideline.stark;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The Stark curve {@code y^2 = x^3 + x + b} over the Stark field, its generator and its prime order {@code n}
 * (cofactor 1), as BouncyCastle's generic prime-field curve. BouncyCastle supplies tested point arithmetic
 * (projective coordinates, wNAF multiplication, point decompression with a general square root, since
 * {@code p = 1 mod 4}); the Starknet-specific parts (nonce derivation, message truncation, x-only keys) are ours.
 */
public final class StarkCurve {

    static final BigInteger A = BigInteger.ONE;
    static final BigInteger B =
            new BigInteger("3141592653589793238462643383279502884197169399375105820974944592307816406665");
    /** The order of the generator. */
    public static final BigInteger N =
            new BigInteger("3618502788666131213697322783095070105526743751716087489154079457884512865583");
    static final BigInteger GX =
            new BigInteger("874739451078007766457464989774322083649278607533249481151382481072868806602");
    static final BigInteger GY =
            new BigInteger("152666792071518830868575557812948353041420400780739481342941381225525861407");

    static final ECCurve CURVE = new ECCurve.Fp(StarkField.P, A, B, N, BigInteger.ONE);
    static final ECPoint G = CURVE.validatePoint(GX, GY);

    private StarkCurve() {
    }

    /** {@code k * G}, normalised to affine coordinates. */
    static ECPoint multiplyGenerator(BigInteger k) {
        return G.multiply(k).normalize();
    }

    /** The curve point with x-coordinate {@code x} and the even y (the other one is its negation). */
    static ECPoint pointWithX(BigInteger x) {
        byte[] compressed = new byte[33];
        compressed[0] = 0x02;
        byte[] xBytes = unsigned32(x);
        System.arraycopy(xBytes, 0, compressed, 1, 32);
        return CURVE.decodePoint(compressed);
    }

    /** {@code value} as exactly 32 big-endian bytes (RFC 6979's int2octets for this curve). */
    static byte[] unsigned32(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("does not fit 32 unsigned bytes: " + value);
        }
        byte[] raw = value.toByteArray();
        int length = Math.min(raw.length, 32);
        byte[] out = new byte[32];
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }
}
