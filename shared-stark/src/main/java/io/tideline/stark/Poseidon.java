package io.tideline.stark;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Starknet's Poseidon hash: the Hades permutation over the Stark field with state width 3 (rate 2, capacity 1),
 * 8 full and 83 partial rounds, the cube S-box (applied to the last lane only in partial rounds) and the MDS matrix
 * {@code [[3,1,1],[1,-1,1],[1,1,-2]]}.
 *
 * <p>The round constants are derived as StarkWare derives them: constant {@code i} (counting lanes within rounds) is
 * {@code SHA-256("Hades" + i)} read big-endian and reduced mod p. Nothing is tabulated, so nothing can be mistyped;
 * the derivation is pinned by the vectors in the tests.
 */
public final class Poseidon {

    private static final int WIDTH = 3;
    private static final int RATE = 2;
    private static final int FULL_ROUNDS = 8;
    private static final int PARTIAL_ROUNDS = 83;
    private static final BigInteger P = StarkField.P;
    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger THREE = BigInteger.valueOf(3);
    private static final BigInteger[][] ROUND_CONSTANTS = roundConstants();

    private Poseidon() {
    }

    /** {@code poseidon_hash(x, y)}: the permutation of {@code [x, y, 2]}, first lane. */
    public static BigInteger hash(BigInteger x, BigInteger y) {
        return permute(new BigInteger[] {x, y, TWO})[0];
    }

    /** {@code poseidon_hash_single(x)}: the permutation of {@code [x, 0, 1]}, first lane. */
    public static BigInteger hashSingle(BigInteger x) {
        return permute(new BigInteger[] {x, BigInteger.ZERO, BigInteger.ONE})[0];
    }

    /**
     * {@code poseidon_hash_many(values)}: a sponge absorbing two felts per permutation, the input padded with a 1 and
     * then a 0 when needed to an even length (so the empty input still absorbs {@code [1, 0]}).
     */
    public static BigInteger hashMany(List<BigInteger> values) {
        int padded = values.size() + 1 + (values.size() + 1) % RATE;
        BigInteger[] state = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        for (int i = 0; i < padded; i += RATE) {
            for (int j = 0; j < RATE; j++) {
                state[j] = StarkField.add(state[j], element(values, i + j));
            }
            state = permute(state);
        }
        return state[0];
    }

    /** {@link #hashMany(List)} of the given felts. */
    public static BigInteger hashMany(BigInteger... values) {
        return hashMany(List.of(values));
    }

    private static BigInteger element(List<BigInteger> values, int index) {
        if (index < values.size()) {
            return StarkField.felt(values.get(index));
        }
        return index == values.size() ? BigInteger.ONE : BigInteger.ZERO;
    }

    /** The Hades permutation of a 3-lane state (the array is not modified). */
    static BigInteger[] permute(BigInteger[] input) {
        BigInteger[] state = input.clone();
        int round = 0;
        for (int i = 0; i < FULL_ROUNDS / 2; i++) {
            state = round(state, round++, true);
        }
        for (int i = 0; i < PARTIAL_ROUNDS; i++) {
            state = round(state, round++, false);
        }
        for (int i = 0; i < FULL_ROUNDS / 2; i++) {
            state = round(state, round++, true);
        }
        return state;
    }

    private static BigInteger[] round(BigInteger[] state, int round, boolean full) {
        BigInteger[] s = new BigInteger[WIDTH];
        for (int j = 0; j < WIDTH; j++) {
            s[j] = state[j].add(ROUND_CONSTANTS[round][j]).mod(P);
        }
        if (full) {
            for (int j = 0; j < WIDTH; j++) {
                s[j] = cube(s[j]);
            }
        } else {
            s[WIDTH - 1] = cube(s[WIDTH - 1]);
        }
        BigInteger sum = s[0].add(s[1]).add(s[2]);
        return new BigInteger[] {
            sum.add(s[0].shiftLeft(1)).mod(P),           // 3a + b + c
            sum.subtract(s[1].shiftLeft(1)).mod(P),      // a - b + c
            sum.subtract(s[2].multiply(THREE)).mod(P)    // a + b - 2c
        };
    }

    private static BigInteger cube(BigInteger x) {
        return x.multiply(x).mod(P).multiply(x).mod(P);
    }

    private static BigInteger[][] roundConstants() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
        BigInteger[][] constants = new BigInteger[FULL_ROUNDS + PARTIAL_ROUNDS][WIDTH];
        for (int round = 0; round < constants.length; round++) {
            for (int lane = 0; lane < WIDTH; lane++) {
                byte[] digest = sha256.digest(("Hades" + (WIDTH * round + lane)).getBytes(StandardCharsets.UTF_8));
                constants[round][lane] = new BigInteger(1, digest).mod(P);
            }
        }
        return constants;
    }
}
