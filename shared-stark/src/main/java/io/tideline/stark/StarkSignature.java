package io.tideline.stark;

import java.math.BigInteger;
import java.util.Objects;

/** A Stark-curve ECDSA signature {@code (r, s)}, each in {@code [1, n)}. */
public record StarkSignature(BigInteger r, BigInteger s) {

    public StarkSignature {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(s, "s");
    }

    /** {@code r} as 0x-hex without leading zeros. */
    public String rHex() {
        return StarkField.toHex(r);
    }

    /** {@code s} as 0x-hex without leading zeros. */
    public String sHex() {
        return StarkField.toHex(s);
    }
}
