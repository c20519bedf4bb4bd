package io.tideline.pnl.lots;

import io.tideline.events.pnl.CostBasisMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which open lots a sale of some shares closes, by cost-basis method, and how much of each lot's buy fee goes
 * with them. Pure arithmetic on {@link BigDecimal}: cost basis is exact; a partial close takes the buy fee in
 * proportion to the shares, rounded half-even to {@value #FEE_SCALE} places, and the close that empties a lot takes all
 * of its remaining fee, so a lot's fee is attributed exactly once in total.
 */
public final class LotSelection {

    public static final int FEE_SCALE = 8;

    private static final Comparator<Lot> OLDEST_FIRST = Comparator.comparing(Lot::acquiredAt)
            .thenComparingLong(Lot::lotId);

    private LotSelection() {
    }

    /** The lots in the order {@code method} closes them. */
    public static List<Lot> order(List<Lot> open, CostBasisMethod method) {
        Comparator<Lot> order = switch (method) {
            case FIFO -> OLDEST_FIRST;
            case LIFO -> OLDEST_FIRST.reversed();
            case HIFO -> Comparator.comparing(Lot::price).reversed().thenComparing(OLDEST_FIRST);
        };
        List<Lot> sorted = new ArrayList<>(open);
        sorted.sort(order);
        return sorted;
    }

    /**
     * Takes {@code quantity} shares from the open lots. If they hold fewer, the takes cover what they hold and the
     * caller sees the shortfall as {@code quantity - sum(takes)}.
     */
    public static List<LotTake> take(List<Lot> open, BigDecimal quantity, CostBasisMethod method) {
        List<LotTake> takes = new ArrayList<>();
        BigDecimal left = quantity;
        for (Lot lot : order(open, method)) {
            if (left.signum() <= 0) {
                break;
            }
            if (lot.remaining().signum() <= 0) {
                continue;
            }
            BigDecimal taken = left.min(lot.remaining());
            takes.add(new LotTake(lot, taken, taken.multiply(lot.price()), feeShare(lot, taken)));
            left = left.subtract(taken);
        }
        return takes;
    }

    /** The whole of each lot, as a market resolution closes them. */
    public static List<LotTake> all(List<Lot> open) {
        List<LotTake> takes = new ArrayList<>();
        for (Lot lot : order(open, CostBasisMethod.FIFO)) {
            if (lot.remaining().signum() > 0) {
                takes.add(new LotTake(lot, lot.remaining(), lot.remaining().multiply(lot.price()),
                        lot.remainingFee()));
            }
        }
        return takes;
    }

    static BigDecimal feeShare(Lot lot, BigDecimal quantity) {
        if (quantity.compareTo(lot.remaining()) >= 0) {
            return lot.remainingFee();
        }
        BigDecimal share = lot.fee().multiply(quantity).divide(lot.shares(), FEE_SCALE, RoundingMode.HALF_EVEN);
        return share.min(lot.remainingFee());
    }
}
