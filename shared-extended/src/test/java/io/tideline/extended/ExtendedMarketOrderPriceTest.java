package io.tideline.extended;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The market order's worst accepted price: through the book by the slippage, rounded to the step away from it. */
class ExtendedMarketOrderPriceTest {

    private static final BigDecimal SLIPPAGE = new BigDecimal("0.0075");

    @Test
    void sellIsTheBidLessSlippageRoundedDown() {
        // the SDK's own example: 50000 * 0.9925 = 49625 on a 0.1 step
        assertThat(price(TradeSide.SELL, "50000", "50001", "0.1")).isEqualTo("49625.0");
        // 3087.50 * 0.9925 = 3064.34375
        assertThat(price(TradeSide.SELL, "3087.50", "3089.05", "0.1")).isEqualTo("3064.3");
        assertThat(price(TradeSide.SELL, "3087.50", "3089.05", "0.01")).isEqualTo("3064.34");
    }

    @Test
    void buyIsTheAskPlusSlippageRoundedUp() {
        // 50000 * 1.0075 = 50375
        assertThat(price(TradeSide.BUY, "49999", "50000", "0.1")).isEqualTo("50375.0");
        // 3089.05 * 1.0075 = 3112.217875
        assertThat(price(TradeSide.BUY, "3087.50", "3089.05", "0.1")).isEqualTo("3112.3");
        assertThat(price(TradeSide.BUY, "3087.50", "3089.05", "0.01")).isEqualTo("3112.22");
    }

    @Test
    void priceAlreadyOnTheStepIsKept() {
        // 0.4 * 1.0075 = 0.403 and 0.4 * 0.9925 = 0.397 on a 0.001 step
        assertThat(price(TradeSide.BUY, "0.399", "0.4", "0.001")).isEqualTo("0.403");
        assertThat(price(TradeSide.SELL, "0.4", "0.401", "0.001")).isEqualTo("0.397");
    }

    @Test
    void sellNeverGoesBelowOneStep() {
        assertThat(price(TradeSide.SELL, "0.0001", "0.0002", "0.001")).isEqualTo("0.001");
    }

    @Test
    void emptySideOfTheBookCannotBePriced() {
        ExtendedMarket market = market("0.1");
        ExtendedMarketStats noBid = stats(null, "3089.05");

        assertThatThrownBy(() -> ExtendedMarketOrderPrice.of(TradeSide.SELL, noBid, SLIPPAGE, market))
                .isInstanceOf(ExtendedUnavailableException.class)
                .hasMessage("no bid in ETH-USD to price a market SELL from");
        assertThat(ExtendedMarketOrderPrice.of(TradeSide.BUY, noBid, SLIPPAGE, market).toPlainString())
                .isEqualTo("3112.3");
    }

    private static String price(TradeSide side, String bid, String ask, String step) {
        return ExtendedMarketOrderPrice.of(side, stats(bid, ask), SLIPPAGE, market(step)).toPlainString();
    }

    private static ExtendedMarketStats stats(String bid, String ask) {
        return new ExtendedMarketStats("ETH-USD", bid == null ? null : new BigDecimal(bid), new BigDecimal(ask), null,
                null, null, null);
    }

    private static ExtendedMarket market(String priceStep) {
        return new ExtendedMarket("ETH-USD", new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal(priceStep), "0x4554482d3400000000000000000000", 10_000L, "0x1", 1_000_000L);
    }
}
