package io.tideline.amm;

import java.math.BigInteger;

/** The Q64.96 and Q128.128 units of v3-core's {@code FixedPoint96} and {@code FixedPoint128}. */
final class FixedPoint {

    static final int RESOLUTION_96 = 96;
    static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);
    static final BigInteger Q128 = BigInteger.ONE.shiftLeft(128);

    private FixedPoint() {
    }
}
