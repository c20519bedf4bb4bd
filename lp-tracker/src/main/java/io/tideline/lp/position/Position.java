package io.tideline.lp.position;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tideline.events.lp.PositionRef;
import io.tideline.lp.chain.UniswapAbi.OnChainPosition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A tracked LP position: what the chain says about it plus the running totals its P&L needs. Mutable, owned by one
 * sync pass at a time; stored as JSON (the whole object) with every fact, so a reorg can restore it exactly.
 *
 * <p>Raw integer token amounts throughout. {@code principalOwed*} is what decreases credited to the position and no
 * collect has paid out yet; collects pay that principal first, the rest counts as fees.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Position {

    PositionRef ref;
    String owner;
    String pool;
    int tickLower;
    int tickUpper;
    BigInteger liquidity = BigInteger.ZERO;
    PositionStatus status = PositionStatus.NEW;
    BigInteger deposited0 = BigInteger.ZERO;
    BigInteger deposited1 = BigInteger.ZERO;
    /** What the deposits were worth in token1 when each was made. */
    BigDecimal costToken1 = BigDecimal.ZERO;
    BigInteger withdrawn0 = BigInteger.ZERO;
    BigInteger withdrawn1 = BigInteger.ZERO;
    BigInteger principalOwed0 = BigInteger.ZERO;
    BigInteger principalOwed1 = BigInteger.ZERO;
    BigInteger collected0 = BigInteger.ZERO;
    BigInteger collected1 = BigInteger.ZERO;
    BigInteger feesCollected0 = BigInteger.ZERO;
    BigInteger feesCollected1 = BigInteger.ZERO;
    boolean burned;
    long openedBlock;
    Long closedBlock;
    /** The last log applied to it: logs at or before this point are not applied again. */
    long lastBlock;
    int lastLogIndex = -1;
    Instant lastValuedAt;
    /** The pool's sqrt price at the last valuation: price moves are measured from it. */
    BigInteger lastValuedSqrtPriceX96;
    /**
     * {@code positions(tokenId)} as last read for a valuation, or null. The position manager changes that record only
     * in IncreaseLiquidity, DecreaseLiquidity and Collect (a burn ends the position), and applying any of them drops
     * it here, so until then a valuation can use it instead of reading it again. Kept in the stored JSON: a restart
     * keeps it, and a reorg rewind restores the state stored with the last fact that stays, taken after the drop.
     */
    OnChainPosition managerRecord;

    Position() {
    }

    Position(PositionRef ref, String owner, String pool, int tickLower, int tickUpper, long openedBlock) {
        this.ref = ref;
        this.owner = owner;
        this.pool = pool;
        this.tickLower = tickLower;
        this.tickUpper = tickUpper;
        this.openedBlock = openedBlock;
    }

    public PositionRef ref() {
        return ref;
    }

    public String tokenId() {
        return ref.tokenId();
    }

    public String owner() {
        return owner;
    }

    public String pool() {
        return pool;
    }

    public int tickLower() {
        return tickLower;
    }

    public int tickUpper() {
        return tickUpper;
    }

    public BigInteger liquidity() {
        return liquidity;
    }

    public PositionStatus status() {
        return status;
    }

    public BigInteger deposited0() {
        return deposited0;
    }

    public BigInteger deposited1() {
        return deposited1;
    }

    public BigDecimal costToken1() {
        return costToken1;
    }

    public BigInteger withdrawn0() {
        return withdrawn0;
    }

    public BigInteger withdrawn1() {
        return withdrawn1;
    }

    public BigInteger principalOwed0() {
        return principalOwed0;
    }

    public BigInteger principalOwed1() {
        return principalOwed1;
    }

    public BigInteger feesCollected0() {
        return feesCollected0;
    }

    public BigInteger feesCollected1() {
        return feesCollected1;
    }

    public boolean burned() {
        return burned;
    }

    public long openedBlock() {
        return openedBlock;
    }

    /** The block that closed it, or null while it is open. */
    public Long closedBlock() {
        return closedBlock;
    }

    public Instant lastValuedAt() {
        return lastValuedAt;
    }

    public BigInteger lastValuedSqrtPriceX96() {
        return lastValuedSqrtPriceX96;
    }

    /** The position manager's record of it as last read, or null when it must be read (again). */
    public OnChainPosition managerRecord() {
        return managerRecord;
    }

    /** Valued at {@code when} at the pool price {@code sqrtPriceX96}, from the position manager's {@code record}. */
    public void markValued(Instant when, BigInteger sqrtPriceX96, OnChainPosition record) {
        lastValuedAt = when;
        lastValuedSqrtPriceX96 = sqrtPriceX96;
        managerRecord = record;
    }

    /** A log changed the position manager's record: the kept copy no longer holds. */
    void managerRecordChanged() {
        managerRecord = null;
    }

    /** Still followed on chain: not burned and not transferred away. */
    @JsonIgnore
    public boolean followed() {
        return !burned && status != PositionStatus.TRANSFERRED;
    }

    /** Uniswap's rule: liquidity is in range when {@code tickLower <= tick < tickUpper}. */
    public boolean inRange(int tick) {
        return tick >= tickLower && tick < tickUpper;
    }

    boolean alreadyApplied(long block, int logIndex) {
        return block < lastBlock || (block == lastBlock && logIndex <= lastLogIndex);
    }

    void applied(long block, int logIndex) {
        lastBlock = block;
        lastLogIndex = logIndex;
    }
}
