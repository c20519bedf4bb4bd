package io.tideline.analytics.backtest;

import java.math.BigInteger;

/**
 * What acting costs: {@code gasPerAction} in raw token1 units for each mint or burn-and-collect, and
 * {@code slippagePips} (hundredths of a basis point) of the notional of each swap that re-balances the tokens.
 */
public record Costs(BigInteger gasPerAction, int slippagePips) {

    public static final Costs NONE = new Costs(BigInteger.ZERO, 0);

    public Costs {
        if (gasPerAction == null || gasPerAction.signum() < 0) {
            throw new IllegalArgumentException("costs.gasPerAction must be 0 or more");
        }
        if (slippagePips < 0 || slippagePips >= 1_000_000) {
            throw new IllegalArgumentException("costs.slippagePips must be in [0, 1000000), was " + slippagePips);
        }
    }
}
