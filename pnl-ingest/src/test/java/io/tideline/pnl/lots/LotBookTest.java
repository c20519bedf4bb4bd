package io.tideline.pnl.lots;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.pnl.CostBasisMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The book's decisions, worked by hand. Exact {@link BigDecimal}s are compared by their plain string, so a scale
 * change shows: cost basis and proceeds are exact products (the scales of their factors add up), fee shares are
 * rounded half-even to 8 places, and what a fee share touches has scale 8 too.
 */
class LotBookTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    // The book: 100 @ 0.40 (fee 1.00), then 50 @ 0.60 (fee 0.30), then 80 @ 0.50 (fee 0.30); no alerts.
    private final LotBook book = new LotBook(List.of(
            lot(1, 0, "100", "0.40", "1.00", null),
            lot(2, 1, "50", "0.60", "0.30", null),
            lot(3, 2, "80", "0.50", "0.30", null)));

    @Test
    void fifoWorkedExample() {
        // Sell 130 @ 0.70, fee 0.26. FIFO takes all of lot 1 (100) and 30 of lot 2.
        //   cost basis = 100 x 0.40 + 30 x 0.60 = 40.00 + 18.00 = 58.00
        //   buy fees   = 1.00 (lot 1 emptied: all of its fee) + 0.30 x 30/50 = 0.18000000
        //   fees       = 1.00 + 0.18000000 + 0.26 (the sale's) = 1.44000000
        //   proceeds   = 130 x 0.70 = 91.00;  P&L = 91.00 - 58.00 - 1.44000000 = 31.56000000
        LotBook.Sale sale = book.sell(new BigDecimal("130"), new BigDecimal("0.70"), new BigDecimal("0.26"), null,
                CostBasisMethod.FIFO);
        assertThat(sale.parts()).singleElement().satisfies(p -> {
            assertThat(p.takes()).extracting(t -> t.lot().lotId() + ":" + t.quantity() + ":" + t.fee().toPlainString())
                    .containsExactly("1:100:1.00", "2:30:0.18000000");
            assertThat(p.quantity().toPlainString()).isEqualTo("130");
            assertThat(p.costBasis().toPlainString()).isEqualTo("58.00");
            assertThat(p.proceeds().toPlainString()).isEqualTo("91.00");
            assertThat(p.fees().toPlainString()).isEqualTo("1.44000000");
            assertThat(p.realizedPnl().toPlainString()).isEqualTo("31.56000000");
        });
        assertThat(sale.uncovered()).isZero();
        assertThat(sale.feeCharged().toPlainString()).isEqualTo("0.26");
    }

    @Test
    void lifoWorkedExample() {
        // Sell 90 @ 0.70, fee 0.09. LIFO takes all of lot 3 (80) and 10 of lot 2.
        //   cost basis = 80 x 0.50 + 10 x 0.60 = 40.00 + 6.00 = 46.00
        //   fees       = 0.30 (lot 3 emptied) + 0.30 x 10/50 = 0.06000000, + 0.09 = 0.45000000
        //   proceeds   = 90 x 0.70 = 63.00;  P&L = 63.00 - 46.00 - 0.45000000 = 16.55000000
        Closing.Part p = book.sell(new BigDecimal("90"), new BigDecimal("0.70"), new BigDecimal("0.09"), null,
                CostBasisMethod.LIFO).parts().get(0);
        assertThat(p.takes()).extracting(t -> t.lot().lotId() + ":" + t.quantity()).containsExactly("3:80", "2:10");
        assertThat(p.costBasis().toPlainString()).isEqualTo("46.00");
        assertThat(p.fees().toPlainString()).isEqualTo("0.45000000");
        assertThat(p.proceeds().toPlainString()).isEqualTo("63.00");
        assertThat(p.realizedPnl().toPlainString()).isEqualTo("16.55000000");
    }

    @Test
    void hifoWorkedExample() {
        // Sell 90 @ 0.70, fee 0.09. HIFO takes the dearest first: all of lot 2 (50 @ 0.60), then 40 of lot 3 (0.50).
        //   cost basis = 50 x 0.60 + 40 x 0.50 = 30.00 + 20.00 = 50.00
        //   fees       = 0.30 (lot 2 emptied) + 0.30 x 40/80 = 0.15000000, + 0.09 = 0.54000000
        //   P&L        = 63.00 - 50.00 - 0.54000000 = 12.46000000
        Closing.Part p = book.sell(new BigDecimal("90"), new BigDecimal("0.70"), new BigDecimal("0.09"), null,
                CostBasisMethod.HIFO).parts().get(0);
        assertThat(p.takes()).extracting(t -> t.lot().lotId() + ":" + t.quantity()).containsExactly("2:50", "3:40");
        assertThat(p.costBasis().toPlainString()).isEqualTo("50.00");
        assertThat(p.fees().toPlainString()).isEqualTo("0.54000000");
        assertThat(p.realizedPnl().toPlainString()).isEqualTo("12.46000000");
    }

    @Test
    void hifoTakesTheOlderOfTwoLotsAtTheSamePrice() {
        LotBook withTwin = new LotBook(List.of(lot(4, 9, "50", "0.60", "0", null), lot(2, 1, "50", "0.60", "0", null),
                lot(1, 0, "100", "0.40", "0", null)));
        assertThat(withTwin.sell(new BigDecimal("60"), BigDecimal.ONE, BigDecimal.ZERO, null, CostBasisMethod.HIFO)
                .parts().get(0).takes()).extracting(t -> t.lot().lotId() + ":" + t.quantity())
                .containsExactly("2:50", "4:10");
    }

    @Test
    void aPartialCloseTakesItsFeeShareHalfEvenTo8PlacesAndTheLastCloseTheRest() {
        // 2 shares bought with a fee of 0.00000005: closing 1 takes 0.000000025, a tie, rounded half-even to
        // 0.00000002 (half-up would say 0.00000003); the close that empties the lot takes the 0.00000003 left.
        Lot lot = lot(7, 0, "2", "0.50", "0.00000005", null);
        Closing.Part first = new LotBook(List.of(lot)).sell(BigDecimal.ONE, new BigDecimal("0.50"), BigDecimal.ZERO,
                null, CostBasisMethod.FIFO).parts().get(0);
        assertThat(first.takes().get(0).fee().toPlainString()).isEqualTo("0.00000002");
        Lot rest = new Lot(7, T0, lot.shares(), BigDecimal.ONE, lot.price(), lot.fee(),
                lot.remainingFee().subtract(first.takes().get(0).fee()), null);
        Closing.Part last = new LotBook(List.of(rest)).sell(BigDecimal.ONE, new BigDecimal("0.50"), BigDecimal.ZERO,
                null, CostBasisMethod.FIFO).parts().get(0);
        assertThat(last.takes().get(0).fee().toPlainString()).isEqualTo("0.00000003");
        assertThat(first.fees().add(last.fees())).isEqualByComparingTo("0.00000005");
    }

    @Test
    void aSaleBeyondTheLotsRealizesWhatTheyHoldAndChargesTheFeeForThoseShares() {
        // 300 sold, 230 held: the sale's fee 0.30 is charged for 230/300 of it = 0.23000000; 70 have no cost basis.
        LotBook.Sale sale = book.sell(new BigDecimal("300"), new BigDecimal("0.70"), new BigDecimal("0.30"), null,
                CostBasisMethod.FIFO);
        assertThat(sale.covered().toPlainString()).isEqualTo("230");
        assertThat(sale.uncovered().toPlainString()).isEqualTo("70");
        assertThat(sale.feeCharged().toPlainString()).isEqualTo("0.23000000");
        Closing.Part p = sale.parts().get(0);
        // cost 40.00 + 30.00 + 40.00 = 110.00; fees 1.00 + 0.30 + 0.30 + 0.23000000; proceeds 230 x 0.70 = 161.00
        assertThat(p.costBasis().toPlainString()).isEqualTo("110.00");
        assertThat(p.fees().toPlainString()).isEqualTo("1.83000000");
        assertThat(p.realizedPnl().toPlainString()).isEqualTo("49.17000000");
    }

    @Test
    void nothingHeldNothingRealized() {
        LotBook.Sale sale = new LotBook(List.of()).sell(BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("0.1"), null,
                CostBasisMethod.FIFO);
        assertThat(sale.parts()).isEmpty();
        assertThat(sale.uncovered()).isEqualByComparingTo("10");
        assertThat(sale.feeCharged()).isZero();
    }

    @Test
    void theSaleFeeIsSharedAcrossAlertsByShares() {
        // One share from each of three alerts' lots, sold with a fee of 0.10: 0.10 / 3 = 0.03333333 (half-even) for
        // the first two, and the last takes what is left, 0.03333334, so the shares add up to the fee exactly.
        LotBook three = new LotBook(List.of(lot(1, 0, "1", "0.5", "0", "a"), lot(2, 1, "1", "0.5", "0", "b"),
                lot(3, 2, "1", "0.5", "0", "c")));
        List<Closing.Part> parts = three.sell(new BigDecimal("3"), new BigDecimal("0.6"), new BigDecimal("0.10"),
                null, CostBasisMethod.FIFO).parts();
        assertThat(parts).extracting(p -> p.alertId() + ":" + p.fees().toPlainString())
                .containsExactly("a:0.03333333", "b:0.03333333", "c:0.03333334");
        assertThat(parts.stream().map(Closing.Part::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0.2"); // 3 x (0.6 - 0.5) - 0.10
        assertThat(three.sell(new BigDecimal("3"), new BigDecimal("0.6"), new BigDecimal("0.10"), "sale-alert",
                CostBasisMethod.FIFO).parts()).singleElement()
                .satisfies(p -> assertThat(p.alertId()).isEqualTo("sale-alert"));
    }

    @Test
    void aResolutionClosesEveryLotAtOneForTheWinnerAndZeroForTheOthers() {
        // After the FIFO sale of 130: lot 2 holds 20 (fee left 0.12000000), lot 3 holds 80 (fee 0.30).
        LotBook after = new LotBook(List.of(
                new Lot(2, T0.plusSeconds(60), new BigDecimal("50"), new BigDecimal("20"), new BigDecimal("0.60"),
                        new BigDecimal("0.30"), new BigDecimal("0.12000000"), null),
                lot(3, 2, "80", "0.50", "0.30", null)));
        Closing.Part won = after.resolve(true).get(0);
        // proceeds 100 x 1 = 100; cost 20 x 0.60 + 80 x 0.50 = 12.00 + 40.00 = 52.00; fees 0.12000000 + 0.30
        assertThat(won.quantity().toPlainString()).isEqualTo("100");
        assertThat(won.proceeds().toPlainString()).isEqualTo("100");
        assertThat(won.costBasis().toPlainString()).isEqualTo("52.00");
        assertThat(won.fees().toPlainString()).isEqualTo("0.42000000");
        assertThat(won.realizedPnl().toPlainString()).isEqualTo("47.58000000");
        Closing.Part lost = after.resolve(false).get(0);
        assertThat(lost.proceeds()).isZero();
        assertThat(lost.realizedPnl().toPlainString()).isEqualTo("-52.42000000");
    }

    @Test
    void aRetractionNegatesTheRealizationExactly() {
        Closing.Part p = book.sell(new BigDecimal("130"), new BigDecimal("0.70"), new BigDecimal("0.26"), null,
                CostBasisMethod.FIFO).parts().get(0);
        LotBook.Realization realized = LotBook.Realization.of(p);
        LotBook.Realization undone = LotBook.reverse(realized);
        assertThat(undone.quantity().toPlainString()).isEqualTo("-130");
        assertThat(undone.costBasis().toPlainString()).isEqualTo("-58.00");
        assertThat(undone.proceeds().toPlainString()).isEqualTo("-91.00");
        assertThat(undone.fees().toPlainString()).isEqualTo("-1.44000000");
        assertThat(undone.realizedPnl().toPlainString()).isEqualTo("-31.56000000");
        assertThat(realized.realizedPnl().add(undone.realizedPnl())).isZero();
        assertThat(realized.isWin()).isTrue();
        assertThat(undone.isWin()).isFalse();
    }

    @Test
    void withdrawingARemovedBuyTakesOnlyItsOpenRest() {
        Lot partlySold = new Lot(2, T0, new BigDecimal("50"), new BigDecimal("20"), new BigDecimal("0.60"),
                new BigDecimal("0.30"), new BigDecimal("0.12000000"), null);
        LotTake withdrawn = LotBook.withdraw(partlySold);
        assertThat(withdrawn.quantity().toPlainString()).isEqualTo("20");
        assertThat(withdrawn.costBasis().toPlainString()).isEqualTo("12.00");
        assertThat(withdrawn.fee().toPlainString()).isEqualTo("0.12000000");
    }

    private static Lot lot(long id, int minutes, String shares, String price, String fee, String alert) {
        return new Lot(id, T0.plusSeconds(60L * minutes), new BigDecimal(shares), new BigDecimal(shares),
                new BigDecimal(price), new BigDecimal(fee), new BigDecimal(fee), alert);
    }
}
