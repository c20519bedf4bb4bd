package io.tideline.analytics.lots;

import io.tideline.analytics.portfolio.Money;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches trades into lots and disposals per instrument, by FIFO, LIFO or HIFO; pure.
 *
 * <p>A buy opens a long lot (cost = quantity × price + fee) unless short lots are open, which it closes first; a sale
 * closes long lots, or opens a short lot (net proceeds = quantity × price − fee). A lot partly closed gives the
 * disposal its share of the lot's amount, rounded half-even to {@link Money#SCALE}, and keeps the exact rest, so no
 * unit of cost is lost or counted twice. A closing trade's fee is shared by the lots it closes in proportion to
 * quantity, the last one taking the rest. Held more than 365 days (by the clock, 365 × 24 h) is long-term.
 */
public final class TaxLots {

    public static final Duration LONG_TERM_AFTER = Duration.ofDays(365);

    private final LotMethod method;
    private final Map<String, List<OpenLot>> open = new HashMap<>();
    private final List<Disposal> disposals = new ArrayList<>();
    private long sequence;

    public TaxLots(LotMethod method) {
        this.method = method;
    }

    /** Matches {@code trades} (any order; sorted by time, then id) and returns the disposals. */
    public static Result match(LotMethod method, List<Trade> trades) {
        TaxLots lots = new TaxLots(method);
        trades.stream().sorted(Comparator.comparing(Trade::at).thenComparing(Trade::tradeId)).forEach(lots::apply);
        List<OpenLot> stillOpen = lots.open.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(OpenLot::instrument).thenComparing(OpenLot::sequence)).toList();
        return new Result(method, List.copyOf(lots.disposals), stillOpen);
    }

    /** The disposals and the lots still open after matching. */
    public record Result(LotMethod method, List<Disposal> disposals, List<OpenLot> open) {
    }

    void apply(Trade t) {
        List<OpenLot> lots = open.computeIfAbsent(t.instrument(), k -> new ArrayList<>());
        boolean closesShorts = t.side() == TradeSide.BUY;
        BigDecimal remaining = t.quantity();
        BigDecimal feeLeft = t.fee();
        while (remaining.signum() > 0) {
            OpenLot lot = next(lots, closesShorts);
            if (lot == null) {
                break;
            }
            BigDecimal q = remaining.min(lot.quantity());
            boolean lastPiece = q.compareTo(remaining) == 0;
            BigDecimal fee = lastPiece ? feeLeft : Money.divide(t.fee().multiply(q), t.quantity());
            feeLeft = feeLeft.subtract(fee);
            BigDecimal lotShare = q.compareTo(lot.quantity()) == 0 ? lot.amount()
                    : Money.divide(lot.amount().multiply(q), lot.quantity());
            BigDecimal tradeAmount = q.multiply(t.price());
            BigDecimal cost;
            BigDecimal proceeds;
            if (lot.shortPosition()) {
                proceeds = lotShare;
                cost = tradeAmount.add(fee);
            } else {
                cost = lotShare;
                proceeds = tradeAmount.subtract(fee);
            }
            boolean longTerm = Duration.between(lot.openedAt(), t.at()).compareTo(LONG_TERM_AFTER) > 0;
            disposals.add(new Disposal(t.instrument(), lot.tradeId(), t.tradeId(), lot.shortPosition(), lot.openedAt(),
                    t.at(), q, Money.of(cost), Money.of(proceeds), Money.of(proceeds).subtract(Money.of(cost)),
                    longTerm));
            lots.remove(lot);
            if (q.compareTo(lot.quantity()) < 0) {
                lots.add(new OpenLot(lot.instrument(), lot.tradeId(), lot.shortPosition(), lot.openedAt(),
                        lot.quantity().subtract(q), lot.amount().subtract(lotShare), lot.sequence()));
            }
            remaining = remaining.subtract(q);
        }
        if (remaining.signum() > 0) {
            BigDecimal fee = feeLeft;
            BigDecimal amount = closesShorts ? remaining.multiply(t.price()).add(fee)
                    : remaining.multiply(t.price()).subtract(fee);
            lots.add(new OpenLot(t.instrument(), t.tradeId(), !closesShorts, t.at(), remaining, amount, sequence++));
        }
    }

    private OpenLot next(List<OpenLot> lots, boolean shorts) {
        Comparator<OpenLot> order = switch (method) {
            case FIFO -> Comparator.comparingLong(OpenLot::sequence);
            case LIFO -> Comparator.comparingLong(OpenLot::sequence).reversed();
            // a long's highest cost first; a short's lowest proceeds first (the close that gains least)
            case HIFO -> shorts ? Comparator.comparing(OpenLot::perUnit).thenComparingLong(OpenLot::sequence)
                    : Comparator.comparing(OpenLot::perUnit).reversed().thenComparingLong(OpenLot::sequence);
        };
        return lots.stream().filter(l -> l.shortPosition() == shorts).min(order).orElse(null);
    }
}
