package io.tideline.pnl.lots;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.pnl.CostBasisMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LotSelectionTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    // Three buys: 100 @ 0.40 (fee 1.00), 50 @ 0.60 (fee 0.30), 80 @ 0.50 (fee 0.30).
    private final List<Lot> lots = List.of(
            lot(1, 0, "100", "0.40", "1.00", "a1"),
            lot(2, 60, "50", "0.60", "0.30", null),
            lot(3, 120, "80", "0.50", "0.30", "a2"));

    @Test
    void fifoClosesTheOldestLotsFirstAcrossSeveralBuys() {
        List<LotTake> takes = LotSelection.take(lots, new BigDecimal("130"), CostBasisMethod.FIFO);
        assertThat(takes).extracting(t -> t.lot().lotId()).containsExactly(1L, 2L);
        assertThat(takes.get(0).quantity()).isEqualByComparingTo("100");
        assertThat(takes.get(0).costBasis()).isEqualByComparingTo("40");
        assertThat(takes.get(0).fee()).isEqualByComparingTo("1.00"); // the whole lot: all of its fee
        assertThat(takes.get(1).quantity()).isEqualByComparingTo("30");
        assertThat(takes.get(1).costBasis()).isEqualByComparingTo("18");
        assertThat(takes.get(1).fee()).isEqualByComparingTo("0.18"); // 30/50 of 0.30
    }

    @Test
    void lifoClosesTheNewestAndHifoTheDearestFirst() {
        assertThat(LotSelection.take(lots, new BigDecimal("90"), CostBasisMethod.LIFO))
                .extracting(t -> t.lot().lotId() + ":" + t.quantity().toPlainString()).containsExactly("3:80", "2:10");
        assertThat(LotSelection.take(lots, new BigDecimal("90"), CostBasisMethod.HIFO))
                .extracting(t -> t.lot().lotId() + ":" + t.quantity().toPlainString()).containsExactly("2:50", "3:40");
    }

    @Test
    void aSaleLargerThanTheLotsTakesWhatTheyHold() {
        List<LotTake> takes = LotSelection.take(lots, new BigDecimal("1000"), CostBasisMethod.FIFO);
        assertThat(takes.stream().map(LotTake::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("230");
    }

    @Test
    void partialClosesOfOneLotAttributeItsFeeExactlyOnceInTotal() {
        Lot lot = lot(9, 0, "3", "0.50", "0.10", null);
        BigDecimal first = LotSelection.feeShare(lot, BigDecimal.ONE); // 0.1/3 = 0.03333333
        Lot rest = new Lot(9, T0, lot.shares(), new BigDecimal("2"), lot.price(), lot.fee(),
                lot.remainingFee().subtract(first), null);
        BigDecimal second = LotSelection.feeShare(rest, BigDecimal.ONE);
        Lot last = new Lot(9, T0, lot.shares(), BigDecimal.ONE, lot.price(), lot.fee(),
                rest.remainingFee().subtract(second), null);
        BigDecimal third = LotSelection.feeShare(last, BigDecimal.ONE);
        assertThat(first).isEqualByComparingTo("0.03333333");
        assertThat(second).isEqualByComparingTo("0.03333333");
        assertThat(third).isEqualByComparingTo("0.03333334");
        assertThat(first.add(second).add(third)).isEqualByComparingTo("0.10");
    }

    @Test
    void aClosingIsSplitPerAlertWithTheSaleFeeSharedByShares() {
        // Sell 130 @ 0.70 with a 0.26 fee, FIFO: 100 from lot 1 (alert a1), 30 from lot 2 (no alert).
        List<Closing.Part> parts = Closing.of(LotSelection.take(lots, new BigDecimal("130"), CostBasisMethod.FIFO),
                new BigDecimal("0.70"), new BigDecimal("0.26"), null);
        assertThat(parts).hasSize(2);
        Closing.Part a1 = parts.get(0);
        assertThat(a1.alertId()).isEqualTo("a1");
        assertThat(a1.proceeds()).isEqualByComparingTo("70");
        assertThat(a1.fees()).isEqualByComparingTo("1.2"); // 1.00 buy fee + 100/130 of 0.26 = 0.2
        assertThat(a1.realizedPnl()).isEqualByComparingTo("28.8"); // 70 - 40 - 1.2
        Closing.Part none = parts.get(1);
        assertThat(none.alertId()).isNull();
        assertThat(none.fees()).isEqualByComparingTo("0.24"); // 0.18 + the rest of the sale fee, 0.06
        assertThat(none.realizedPnl()).isEqualByComparingTo("2.76"); // 21 - 18 - 0.24
    }

    @Test
    void theSalesAlertWinsOverTheLotsAlerts() {
        List<Closing.Part> parts = Closing.of(LotSelection.take(lots, new BigDecimal("130"), CostBasisMethod.FIFO),
                new BigDecimal("0.70"), BigDecimal.ZERO, "sale-alert");
        assertThat(parts).singleElement().satisfies(p -> assertThat(p.alertId()).isEqualTo("sale-alert"));
    }

    private static Lot lot(long id, int minutes, String shares, String price, String fee, String alert) {
        return new Lot(id, T0.plusSeconds(60L * minutes), new BigDecimal(shares), new BigDecimal(shares),
                new BigDecimal(price), new BigDecimal(fee), new BigDecimal(fee), alert);
    }
}
