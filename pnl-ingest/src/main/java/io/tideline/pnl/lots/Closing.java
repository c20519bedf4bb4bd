package io.tideline.pnl.lots;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The realizations of one close (a sale, or a market's resolution): the lots taken, grouped by the alert their buys
 * followed, so P&amp;L can be attributed per alert. The closing leg's own fee (the sale's) is shared across the groups
 * in proportion to their shares (half-even, {@link LotSelection#FEE_SCALE} places; the last group takes the rest).
 */
public final class Closing {

    /** One group's figures: {@code realizedPnl = proceeds - costBasis - fees}. */
    public record Part(String alertId, BigDecimal quantity, BigDecimal costBasis, BigDecimal proceeds,
                       BigDecimal fees, List<LotTake> takes) {
        public BigDecimal realizedPnl() {
            return proceeds.subtract(costBasis).subtract(fees);
        }
    }

    private Closing() {
    }

    /**
     * @param price     what each closed share returned (the sale price, or the resolution payout: 1 or 0)
     * @param closeFee  the closing leg's fee (0 for a resolution)
     * @param closeAlertId the alert the sale followed: it wins over the lots' alerts when present
     */
    public static List<Part> of(List<LotTake> takes, BigDecimal price, BigDecimal closeFee, String closeAlertId) {
        Map<String, List<LotTake>> groups = new LinkedHashMap<>();
        for (LotTake take : takes) {
            String alert = closeAlertId != null ? closeAlertId : take.lot().alertId();
            groups.computeIfAbsent(Objects.requireNonNullElse(alert, ""), k -> new ArrayList<>()).add(take);
        }
        BigDecimal total = takes.stream().map(LotTake::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal feeLeft = closeFee;
        List<Part> parts = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<LotTake>> group : groups.entrySet()) {
            index++;
            BigDecimal quantity = BigDecimal.ZERO;
            BigDecimal cost = BigDecimal.ZERO;
            BigDecimal buyFees = BigDecimal.ZERO;
            for (LotTake take : group.getValue()) {
                quantity = quantity.add(take.quantity());
                cost = cost.add(take.costBasis());
                buyFees = buyFees.add(take.fee());
            }
            BigDecimal closeShare = index == groups.size() ? feeLeft
                    : closeFee.multiply(quantity).divide(total, LotSelection.FEE_SCALE, RoundingMode.HALF_EVEN);
            feeLeft = feeLeft.subtract(closeShare);
            String alertId = group.getKey().isEmpty() ? null : group.getKey();
            parts.add(new Part(alertId, quantity, cost, quantity.multiply(price), buyFees.add(closeShare),
                    List.copyOf(group.getValue())));
        }
        return parts;
    }
}
