package io.tideline.lp.position;

import io.tideline.events.lp.TokenRef;
import java.math.BigInteger;

/** A pool the tracker follows: its tokens and fee, and its price as of the last log applied. */
public final class PoolState {

    public String address;
    public TokenRef token0;
    public TokenRef token1;
    public int fee;
    /** Null until read (a new pool, or after a reorg rewind): the next pass reads slot0 before its first block. */
    public BigInteger sqrtPriceX96;
    public int tick;

    public PoolState() {
    }

    public PoolState(String address, TokenRef token0, TokenRef token1, int fee) {
        this.address = address;
        this.token0 = token0;
        this.token1 = token1;
        this.fee = fee;
    }

    public boolean priceKnown() {
        return sqrtPriceX96 != null;
    }
}
