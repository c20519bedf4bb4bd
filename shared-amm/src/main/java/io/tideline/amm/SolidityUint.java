package io.tideline.amm;

import java.math.BigInteger;

/** Range checks and wrap-around for values the contracts hold as Solidity unsigned integers. */
final class SolidityUint {

    static final BigInteger TWO_POW_128 = BigInteger.ONE.shiftLeft(128);
    static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);
    static final BigInteger MAX_UINT128 = TWO_POW_128.subtract(BigInteger.ONE);
    static final BigInteger MAX_UINT256 = TWO_POW_256.subtract(BigInteger.ONE);

    private SolidityUint() {
    }

    /** Refuses a value outside {@code uint<bits>}: the contract could not have been called with it. */
    static BigInteger require(String name, BigInteger value, int bits) {
        if (value == null) {
            throw new NullPointerException(name + " is null");
        }
        if (value.signum() < 0 || value.bitLength() > bits) {
            throw new IllegalArgumentException(name + " must be a uint" + bits + ", was " + value);
        }
        return value;
    }

    /** {@code value mod 2^bits}, as unchecked Solidity arithmetic and downcasts wrap. */
    static BigInteger wrap(BigInteger value, int bits) {
        if (value.signum() >= 0 && value.bitLength() <= bits) {
            return value;
        }
        return value.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }
}
