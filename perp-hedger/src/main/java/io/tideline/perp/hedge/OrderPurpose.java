package io.tideline.perp.hedge;

/** Why a hedge places an order: OPEN (step 0, after the mint), REBALANCE (delta band) or CLOSE (buy-back). */
public enum OrderPurpose {
    OPEN, REBALANCE, CLOSE
}
