package io.tideline.analytics.lots;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxLotsTest {

    private static final Instant DAY0 = Instant.parse("2025-01-01T00:00:00Z");

    private static Trade trade(String id, TradeSide side, String qty, String price, String fee, Instant at) {
        return new Trade(id, "X", side, new BigDecimal(qty), new BigDecimal(price), new BigDecimal(fee), at);
    }

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    /** Lots A (10 @ 1 + 0.10), B (10 @ 2 + 0.20), C (10 @ 1.5); then 15 sold @ 3 with a fee of 0.30 on day 400. */
    private static List<Trade> threeLotsThenASale() {
        return List.of(trade("A", TradeSide.BUY, "10", "1", "0.10", day(0)),
                trade("B", TradeSide.BUY, "10", "2", "0.20", day(10)),
                trade("C", TradeSide.BUY, "10", "1.5", "0", day(20)),
                trade("S", TradeSide.SELL, "15", "3", "0.30", day(400)));
    }

    @Test
    void fifoClosesTheOldestLotsFirst() {
        List<Disposal> d = TaxLots.match(LotMethod.FIFO, threeLotsThenASale()).disposals();
        assertThat(d).extracting(Disposal::openTradeId).containsExactly("A", "B");
        line(d.get(0), "10", "10.10", "29.80", "19.70", true);  // fee share 0.30 · 10/15 = 0.20
        line(d.get(1), "5", "10.10", "14.90", "4.80", true);    // half of B's 20.20; the fee's rest, 0.10
    }

    @Test
    void lifoClosesTheNewestLotsFirst() {
        List<Disposal> d = TaxLots.match(LotMethod.LIFO, threeLotsThenASale()).disposals();
        assertThat(d).extracting(Disposal::openTradeId).containsExactly("C", "B");
        line(d.get(0), "10", "15", "29.80", "14.80", true);
        line(d.get(1), "5", "10.10", "14.90", "4.80", true);
    }

    @Test
    void hifoClosesTheDearestLotsFirst() {
        TaxLots.Result r = TaxLots.match(LotMethod.HIFO, threeLotsThenASale());
        assertThat(r.disposals()).extracting(Disposal::openTradeId).containsExactly("B", "C");
        line(r.disposals().get(0), "10", "20.20", "29.80", "9.60", true);
        line(r.disposals().get(1), "5", "7.50", "14.90", "7.40", true);
        assertThat(r.open()).extracting(OpenLot::tradeId).containsExactly("A", "C");
    }

    @Test
    void heldExactly365DaysIsShortTermAndASecondMoreIsLongTerm() {
        List<Disposal> d = TaxLots.match(LotMethod.FIFO, List.of(
                trade("B1", TradeSide.BUY, "1", "1", "0", day(0)),
                trade("B2", TradeSide.BUY, "1", "1", "0", day(0)),
                trade("S1", TradeSide.SELL, "1", "2", "0", day(365)),
                trade("S2", TradeSide.SELL, "1", "2", "0", day(365).plusSeconds(1)))).disposals();
        assertThat(d).extracting(Disposal::longTerm).containsExactly(false, true);
    }

    @Test
    void aSaleWithoutLotsOpensAShortThatABuyCloses() {
        List<Disposal> d = TaxLots.match(LotMethod.FIFO, List.of(
                trade("S", TradeSide.SELL, "2", "100", "1", day(0)),
                trade("B", TradeSide.BUY, "2", "90", "1", day(3)))).disposals();
        assertThat(d).hasSize(1);
        assertThat(d.get(0).shortPosition()).isTrue();
        line(d.get(0), "2", "181", "199", "18", false);
    }

    @Test
    void aLotSoldInThirdsKeepsEveryUnitOfItsCost() {
        List<Disposal> d = TaxLots.match(LotMethod.FIFO, List.of(
                trade("B", TradeSide.BUY, "3", "1", "0.01", day(0)),
                trade("S1", TradeSide.SELL, "1", "1", "0", day(1)),
                trade("S2", TradeSide.SELL, "1", "1", "0", day(2)),
                trade("S3", TradeSide.SELL, "1", "1", "0", day(3)))).disposals();
        assertThat(d.get(0).costBasis()).isEqualByComparingTo("1.003333333333333333");
        BigDecimal sum = d.stream().map(Disposal::costBasis).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("3.01");
    }

    private static void line(Disposal d, String qty, String cost, String proceeds, String gain, boolean longTerm) {
        assertThat(d.quantity()).isEqualByComparingTo(qty);
        assertThat(d.costBasis()).isEqualByComparingTo(cost);
        assertThat(d.proceeds()).isEqualByComparingTo(proceeds);
        assertThat(d.gain()).isEqualByComparingTo(gain);
        assertThat(d.longTerm()).isEqualTo(longTerm);
    }
}
