package io.tideline.analytics.backtest;

import java.math.BigInteger;

/**
 * A backtest's exact running sum of integers (fees owed, the short's P&amp;L, funding): a long while it fits, the
 * part beyond it carried in a {@link BigInteger}, so adding a bar's share allocates nothing in the common case.
 */
final class ExactSum {

    private BigInteger carried = BigInteger.ZERO;
    private long small;

    void add(long x) {
        long s = small + x;
        if (((small ^ s) & (x ^ s)) < 0) { // overflowed: carry what was held
            carried = carried.add(BigInteger.valueOf(small));
            s = x;
        }
        small = s;
    }

    void add(BigInteger x) {
        if (x.bitLength() < 64) {
            add(x.longValue());
        } else {
            carried = carried.add(x);
        }
    }

    void clear() {
        carried = BigInteger.ZERO;
        small = 0;
    }

    /** Whether the sum is {@link #small()} alone. */
    boolean isSmall() {
        return carried.signum() == 0;
    }

    /** The sum when {@link #isSmall()}. */
    long small() {
        return small;
    }

    BigInteger value() {
        return carried.signum() == 0 ? BigInteger.valueOf(small) : carried.add(BigInteger.valueOf(small));
    }
}
