package io.tideline.lp.position;

/**
 * Where a position is in its life: NEW (NFT seen, no liquidity yet) → ACTIVE (pool price inside its range) ⇄
 * INACTIVE (outside) → CLOSED (liquidity back to zero, or NFT burned); TRANSFERRED when the NFT left the watched
 * wallets. A CLOSED position that gets liquidity again becomes ACTIVE or INACTIVE again (the position manager allows
 * it while the NFT exists).
 */
public enum PositionStatus {
    NEW,
    ACTIVE,
    INACTIVE,
    CLOSED,
    TRANSFERRED;

    public boolean holdsLiquidity() {
        return this == ACTIVE || this == INACTIVE;
    }
}
