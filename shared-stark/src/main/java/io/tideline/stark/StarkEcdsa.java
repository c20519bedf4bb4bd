package io.tideline.stark;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECDSA on the Stark curve as Starknet (and @scure/starknet, starknet.js, starknet-rs) does it: the message is a felt
 * below {@code 2^251} that is signed as is (no hashing), the nonce is RFC 6979 deterministic over HMAC-SHA256, high
 * {@code s} values are kept, and a public key is published as its x-coordinate alone (the "Stark key").
 */
public final class StarkEcdsa {

    /** Messages, {@code r} and {@code s^-1} must be below this, {@code 2^251}. */
    public static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(251);

    private static final BigInteger N = StarkCurve.N;

    private StarkEcdsa() {
    }

    /** The Stark key (public key x-coordinate) of {@code privateKey}. */
    public static BigInteger starkKey(BigInteger privateKey) {
        return StarkCurve.multiplyGenerator(requirePrivateKey(privateKey)).getAffineXCoord().toBigInteger();
    }

    /** The deterministic signature of {@code messageHash} (a felt below {@code 2^251}) by {@code privateKey}. */
    public static StarkSignature sign(BigInteger privateKey, BigInteger messageHash) {
        BigInteger d = requirePrivateKey(privateKey);
        BigInteger h = messageScalar(messageHash);
        byte[] seed = new byte[64];
        System.arraycopy(StarkCurve.unsigned32(d), 0, seed, 0, 32);
        System.arraycopy(StarkCurve.unsigned32(h), 0, seed, 32, 32);
        Rfc6979Nonces nonces = new Rfc6979Nonces(seed);
        while (true) {
            BigInteger k = Rfc6979Nonces.bits2int(new BigInteger(1, nonces.next()));
            if (k.signum() == 0 || k.compareTo(N) >= 0) {
                continue;
            }
            BigInteger r = StarkCurve.multiplyGenerator(k).getAffineXCoord().toBigInteger().mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(N).multiply(h.add(r.multiply(d))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            // @scure/starknet rejects (throws on) these rather than trying the next nonce; so do we.
            if (r.compareTo(MAX_VALUE) >= 0 || s.modInverse(N).compareTo(MAX_VALUE) >= 0) {
                throw new IllegalStateException("the signature of this message falls outside Starknet's range");
            }
            return new StarkSignature(r, s);
        }
    }

    /**
     * Whether {@code signature} signs {@code messageHash} under the Stark key {@code starkKey}. A Stark key names two
     * points (y and -y); like Starknet's {@code check_ecdsa_signature}, either is accepted.
     */
    public static boolean verify(BigInteger starkKey, BigInteger messageHash, StarkSignature signature) {
        BigInteger r = signature.r();
        BigInteger s = signature.s();
        if (messageHash.signum() < 0 || messageHash.compareTo(MAX_VALUE) >= 0
                || r.signum() <= 0 || r.compareTo(MAX_VALUE) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        ECPoint q;
        try {
            q = StarkCurve.pointWithX(starkKey);
        } catch (IllegalArgumentException notOnCurve) {
            return false;
        }
        BigInteger w = s.modInverse(N);
        BigInteger u1 = messageScalar(messageHash).multiply(w).mod(N);
        BigInteger u2 = r.multiply(w).mod(N);
        ECPoint u1g = StarkCurve.G.multiply(u1);
        ECPoint u2q = q.multiply(u2);
        return matches(u1g.add(u2q), r) || matches(u1g.subtract(u2q), r);
    }

    private static boolean matches(ECPoint point, BigInteger r) {
        ECPoint p = point.normalize();
        return !p.isInfinity() && p.getAffineXCoord().toBigInteger().mod(N).equals(r);
    }

    /**
     * The message as a scalar, through @scure/starknet's {@code bits2int_modN}: a hash of exactly 63 hex digits is
     * first shifted left by 4 bits (StarkWare's {@code fixMsgHashLen}), then truncated to 252 bits, then reduced mod
     * n. For every message below {@code 2^251} this returns the message itself; it is kept literal so that a change
     * of the rules shows up as a failing vector rather than a silent difference.
     */
    static BigInteger messageScalar(BigInteger messageHash) {
        if (messageHash.signum() < 0 || messageHash.compareTo(MAX_VALUE) >= 0) {
            throw new IllegalArgumentException("a Stark message hash must be in [0, 2^251): " + messageHash);
        }
        BigInteger value = messageHash.toString(16).length() == 63 ? messageHash.shiftLeft(4) : messageHash;
        return Rfc6979Nonces.bits2int(value).mod(N);
    }

    private static BigInteger requirePrivateKey(BigInteger privateKey) {
        if (privateKey.signum() <= 0 || privateKey.compareTo(N) >= 0) {
            throw new IllegalArgumentException("a Stark private key must be in [1, n)");
        }
        return privateKey;
    }
}
