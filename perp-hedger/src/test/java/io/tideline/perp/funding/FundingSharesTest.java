package io.tideline.perp.funding;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FundingSharesTest {

    @Test
    void aShortReceivesAtAPositiveRateAndPaysAtANegativeOneWhateverTheFeesSign() {
        assertThat(FundingShares.deskAmount(TradeSide.SELL, new BigDecimal("0.0001"), new BigDecimal("-1.25")))
                .isEqualByComparingTo("1.25");
        assertThat(FundingShares.deskAmount(TradeSide.SELL, new BigDecimal("-0.0001"), new BigDecimal("1.25")))
                .isEqualByComparingTo("-1.25");
        assertThat(FundingShares.deskAmount(TradeSide.BUY, new BigDecimal("0.0001"), new BigDecimal("1.25")))
                .isEqualByComparingTo("-1.25");
        assertThat(FundingShares.deskAmount(TradeSide.BUY, new BigDecimal("-0.0001"), new BigDecimal("-1.25")))
                .isEqualByComparingTo("1.25");
        assertThat(FundingShares.deskAmount(TradeSide.SELL, BigDecimal.ZERO, new BigDecimal("0")))
                .isEqualByComparingTo("0");
    }

    @Test
    void sharesFollowOpenQuantitiesAndSumToThePaymentExactly() {
        FundingShares.Holder a = new FundingShares.Holder(UUID.randomUUID(), "k1", new BigDecimal("1"));
        FundingShares.Holder b = new FundingShares.Holder(UUID.randomUUID(), "k2", new BigDecimal("1"));
        FundingShares.Holder c = new FundingShares.Holder(UUID.randomUUID(), "k3", new BigDecimal("1"));
        List<FundingShares.Share> shares = FundingShares.split(new BigDecimal("3"), new BigDecimal("-1.00"),
                List.of(a, b, c));
        // 1/3 of -1.00 to 10 decimals, half-even, twice; the last takes the rest
        assertThat(shares).extracting(s -> s.amount().toPlainString())
                .containsExactly("-0.3333333333", "-0.3333333333", "-0.3333333334");
        assertThat(shares.stream().map(FundingShares.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("-1.00");
        assertThat(shares).extracting(s -> s.quantity().toPlainString()).containsExactly("1", "1", "1");
    }

    @Test
    void noHedgeMeansNoShare() {
        assertThat(FundingShares.split(BigDecimal.ONE, BigDecimal.ONE, List.of())).isEmpty();
    }
}
