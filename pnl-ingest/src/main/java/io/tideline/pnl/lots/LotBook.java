package io.tideline.pnl.lots;

import io.tideline.events.pnl.CostBasisMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One book, a user's lots in one outcome of one market on one venue, and what a sale, a market's resolution or a
 * reorg decides about them. Plain Java over {@link BigDecimal}, no I/O: {@link LotStore} reads the open lots and
 * writes back what is decided here.
 *
 * <p>Rounding, stated once: cost basis = shares × lot price and proceeds = shares × price are exact (no rounding).
 * The only divisions are fee shares, each rounded half-even to {@value #FEE_SCALE} places: a lot's buy fee taken by
 * a partial close (fee × shares closed / lot shares; the close that empties the lot takes all that is left, so a lot's
 * fee is counted exactly once), a sale's fee when the lots cover only part of it (fee × covered / sold), and a sale's
 * fee shared across the alerts of the lots it closes (by shares; the last alert takes the rest).
 */
public final class LotBook {

    /** Decimal places of every fee share (half-even). */
    public static final int FEE_SCALE = LotSelection.FEE_SCALE;

    private final List<Lot> open;

    /** @param open the book's lots with shares left (others are ignored) */
    public LotBook(List<Lot> open) {
        this.open = List.copyOf(open);
    }

    public List<Lot> open() {
        return open;
    }

    /** Open shares in all lots. */
    public BigDecimal shares() {
        return open.stream().map(Lot::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * A sale's decision: which lots it closes and the realizations it makes, one per alert of those lots.
     *
     * @param requested   shares sold
     * @param covered     shares the open lots held of them (the rest has no cost basis and is not realized)
     * @param feeCharged  the part of the sale's fee charged to the covered shares
     */
    public record Sale(BigDecimal requested, BigDecimal covered, BigDecimal feeCharged, List<Closing.Part> parts) {

        /** Shares sold beyond what the lots held. */
        public BigDecimal uncovered() {
            return requested.subtract(covered);
        }
    }

    /**
     * Closes lots for a sale of {@code shares} at {@code price} by {@code method} (FIFO: oldest first; LIFO: newest
     * first; HIFO: dearest first, oldest first among equal prices).
     *
     * @param saleAlertId the alert the sale followed; when present it wins over the alerts of the lots
     */
    public Sale sell(BigDecimal shares, BigDecimal price, BigDecimal fee, String saleAlertId,
            CostBasisMethod method) {
        List<LotTake> takes = LotSelection.take(open, shares, method);
        BigDecimal covered = takes.stream().map(LotTake::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (takes.isEmpty()) {
            return new Sale(shares, covered, BigDecimal.ZERO, List.of());
        }
        BigDecimal charged = covered.compareTo(shares) >= 0 ? fee
                : fee.multiply(covered).divide(shares, FEE_SCALE, RoundingMode.HALF_EVEN);
        return new Sale(shares, covered, charged, Closing.of(takes, price, charged, saleAlertId));
    }

    /**
     * A market's resolution: every open lot is closed, oldest first, at 1 per share if its outcome won, else 0, with
     * all of each lot's remaining buy fee and no closing fee.
     */
    public List<Closing.Part> resolve(boolean won) {
        return Closing.of(LotSelection.all(open), won ? BigDecimal.ONE : BigDecimal.ZERO, BigDecimal.ZERO, null);
    }

    /**
     * Undoing a realization whose sale a reorg removed: the same figures negated (so sums over a user's realizations
     * come out as if the sale never happened); the shares and fees it consumed go back to their lots.
     */
    public static Realization reverse(Realization realized) {
        return new Realization(realized.alertId(), realized.quantity().negate(), realized.costBasis().negate(),
                realized.proceeds().negate(), realized.fees().negate(), realized.realizedPnl().negate());
    }

    /**
     * What withdrawing a removed buy's lot takes: its open rest (shares and buy fee not closed yet). What sales already
     * closed of it stays realized.
     */
    public static LotTake withdraw(Lot lot) {
        return new LotTake(lot, lot.remaining(), lot.remaining().multiply(lot.price()), lot.remainingFee());
    }

    /**
     * A realization's figures: {@code realizedPnl = proceeds - costBasis - fees}.
     *
     * @param alertId the alert it is attributed to, or null
     */
    public record Realization(String alertId, BigDecimal quantity, BigDecimal costBasis, BigDecimal proceeds,
                              BigDecimal fees, BigDecimal realizedPnl) {

        public static Realization of(Closing.Part part) {
            return new Realization(part.alertId(), part.quantity(), part.costBasis(), part.proceeds(), part.fees(),
                    part.realizedPnl());
        }

        /** A win for the leaderboard: a positive P&amp;L. */
        public boolean isWin() {
            return realizedPnl.signum() > 0;
        }
    }
}
