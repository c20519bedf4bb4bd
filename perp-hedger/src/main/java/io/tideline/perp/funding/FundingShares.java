package io.tideline.perp.funding;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A venue funding payment as the desk sees it, and its shares between the hedges short on that market. Plain Java.
 *
 * <p>The direction comes from the position's side and the rate (positive: longs pay shorts), the size from the
 * venue's {@code fundingFee}, so the amount's sign does not rest on how the venue signs that field. The shares are in
 * proportion to the hedges' open quantities, each rounded half-even to {@value #EXTRA_SCALE} more decimals than the
 * payment, and the last hedge (in hedge id order) takes the remainder, so the shares sum to the payment exactly.
 */
public final class FundingShares {

    static final int EXTRA_SCALE = 8;

    /** A hedge short on the market and its open quantity. */
    public record Holder(UUID hedgeId, String positionKey, BigDecimal openQty) {
    }

    /** A hedge's share of a payment: of the position's size and of the amount. */
    public record Share(Holder holder, BigDecimal quantity, BigDecimal amount) {
    }

    private FundingShares() {
    }

    /**
     * The payment signed for the desk: positive received, negative paid. A short receives when the rate is positive
     * and pays when it is negative; a long the other way; a zero rate moves nothing.
     */
    public static BigDecimal deskAmount(TradeSide positionSide, BigDecimal rate, BigDecimal venueFee) {
        if (rate.signum() == 0) {
            return venueFee.abs().signum() == 0 ? BigDecimal.ZERO : venueFee;
        }
        boolean receives = positionSide == TradeSide.SELL ? rate.signum() > 0 : rate.signum() < 0;
        return receives ? venueFee.abs() : venueFee.abs().negate();
    }

    /** The shares of {@code amount} and {@code size} between {@code holders} (empty when there are none). */
    public static List<Share> split(BigDecimal size, BigDecimal amount, List<Holder> holders) {
        List<Share> shares = new ArrayList<>();
        BigDecimal total = holders.stream().map(Holder::openQty).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (holders.isEmpty() || total.signum() <= 0) {
            return shares;
        }
        int amountScale = Math.max(amount.scale(), 0) + EXTRA_SCALE;
        int sizeScale = Math.max(size.scale(), 0) + EXTRA_SCALE;
        BigDecimal amountLeft = amount;
        BigDecimal sizeLeft = size;
        for (int i = 0; i < holders.size(); i++) {
            Holder h = holders.get(i);
            boolean last = i == holders.size() - 1;
            BigDecimal a = last ? amountLeft : amount.multiply(h.openQty()).divide(total, amountScale,
                    RoundingMode.HALF_EVEN);
            BigDecimal q = last ? sizeLeft : size.multiply(h.openQty()).divide(total, sizeScale,
                    RoundingMode.HALF_EVEN);
            amountLeft = amountLeft.subtract(a);
            sizeLeft = sizeLeft.subtract(q);
            shares.add(new Share(h, strip(q), strip(a)));
        }
        return shares;
    }

    private static BigDecimal strip(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
