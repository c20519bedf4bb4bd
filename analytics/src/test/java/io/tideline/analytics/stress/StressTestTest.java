package io.tideline.analytics.stress;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.analytics.portfolio.HedgeBook;
import io.tideline.analytics.portfolio.TokenPair;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class StressTestTest {

    private static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);
    /** sqrt(1.21) · 2^96, as v3-core's encodePriceSqrt(121, 100). */
    private static final BigInteger SQRT_1_21 = new BigInteger("87150978765690771352898345369");
    private static final BigInteger L = new BigInteger("1000000000000000000");
    private static final TokenPair PAIR = new TokenPair("TVOL", 18, "TUSD", 18, TokenPair.Dollar.TOKEN1);

    private static LpShape shape(HedgeBook hedge) {
        // range [1, 1.21], price 1.1025 (sqrt 1.05): in range
        return new LpShape("s1", PAIR, Q96, SQRT_1_21, L, new BigDecimal("1.1025"), BigInteger.ZERO, BigInteger.ZERO,
                hedge, new BigDecimal("1.1025"));
    }

    @Test
    void belowTheRangeThePositionIsAllToken0AsV3CoreComputesIt() {
        StressResult r = StressTest.at(shape(null), new BigDecimal("-0.5"));
        // v3-core SqrtPriceMath.spec: getAmount0Delta(1 → 1.21, 1e18, roundDown) = 90909090909090909
        assertThat(r.amount0()).isEqualTo(new BigInteger("90909090909090909"));
        assertThat(r.amount1()).isZero();
        assertThat(r.poolPrice()).isEqualByComparingTo("0.55125");
        // value at 0.55125 per token0
        assertThat(r.lpValue()).isEqualByComparingTo(new BigDecimal("0.090909090909090909")
                .multiply(new BigDecimal("0.55125")).setScale(18, java.math.RoundingMode.HALF_EVEN));
    }

    @Test
    void aboveTheRangeThePositionIsAllToken1() {
        StressResult r = StressTest.at(shape(null), new BigDecimal("0.5"));
        BigInteger expected1 = L.multiply(SQRT_1_21.subtract(Q96)).shiftRight(96); // floor(L · Δ√P / 2^96)
        assertThat(r.amount0()).isZero();
        assertThat(r.amount1()).isEqualTo(expected1);
        assertThat(expected1).isEqualTo(new BigInteger("99999999999999999")); // 1e17, rounded down as a burn pays
        assertThat(r.lpValue()).isEqualByComparingTo(new BigDecimal(expected1).movePointLeft(18));
    }

    @Test
    void theHedgeOffsetsTheMoveAtItsMark() {
        HedgeBook shortTenth = HedgeBook.EMPTY.fill(TradeSide.SELL, new BigDecimal("0.1"), new BigDecimal("1.1"),
                BigDecimal.ZERO);
        StressResult r = StressTest.at(shape(shortTenth), new BigDecimal("-0.5"));
        // −0.1 × (0.55125 − 1.1025)
        assertThat(r.hedgeChange()).isEqualByComparingTo("0.055125");
        assertThat(r.netChange()).isEqualByComparingTo(r.lpChange().add(r.hedgeChange()));
        List<StressResult> all = StressTest.run(shape(shortTenth), StressTest.SHOCKS);
        assertThat(all).hasSize(8);
        // the LP loses more the further the price falls; a short gains
        assertThat(all.get(0).lpChange()).isLessThan(all.get(1).lpChange());
        assertThat(all.get(0).hedgeChange()).isGreaterThan(all.get(1).hedgeChange());
    }

    @Test
    void whenToken0IsTheDollarTheVolatileMoveIsTheInverseOfThePoolPrice() {
        TokenPair usdFirst = new TokenPair("TUSD", 18, "TVOL", 18, TokenPair.Dollar.TOKEN0);
        LpShape s = new LpShape("s2", usdFirst, Q96, SQRT_1_21, L, new BigDecimal("1.1025"), BigInteger.ZERO,
                BigInteger.ZERO, null, null);
        // volatile +10 % → pool price (volatile per dollar) ÷ 1.1
        BigDecimal moved = StressTest.at(s, new BigDecimal("0.10")).poolPrice();
        assertThat(moved).isEqualByComparingTo("1.002272727272727272727272727272727273"); // 1.1025 / 1.1 at 36 places
    }
}
