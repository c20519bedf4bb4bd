package io.tideline.analytics.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.amm.TickMath;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a followed suggestion did, by hand at an unchanged price (no impermanent loss on either side). */
class FollowUpOutcomeTest {

    private static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);
    private static final Instant MINT = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void followedEarnedItsFeesAndTheOldRangeWhatTheBarsSay() {
        // deposited 1,000 + 1,000 at price 1; holds the same plus 30 of fees in token1: followed = 30
        BigInteger k = BigInteger.valueOf(1000);
        FollowUpOutcome.NewPosition n = new FollowUpOutcome.NewPosition(k, k, k, k, BigInteger.ZERO,
                BigInteger.valueOf(30), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, Q96, Q96,
                MINT, MINT.plusSeconds(7200));
        int max = TickMath.MAX_TICK / 60 * 60;
        // old range: the whole range, L' ≈ 1,000 (2,000 at price 1); one bar in range with 10^6 of volume and pool
        // liquidity 1,000: ⌊10^6 · 0.3 % · L'/(1,000 + L')⌋ = 1,500; one bar outside the range earns nothing
        Bar in = new Bar(MINT, BarInterval.H1, Q96, 0, 0, Q96, 0, BigInteger.ZERO, BigInteger.valueOf(1_000_000),
                BigInteger.valueOf(1000), 5);
        Bar out = new Bar(MINT.plusSeconds(3600), BarInterval.H1, Q96, max, max, TickMath.getSqrtRatioAtTick(max), max,
                BigInteger.ZERO, BigInteger.valueOf(1_000_000), BigInteger.valueOf(1000), 5);
        FollowUpOutcome o = FollowUpOutcome.of(n, -max, max, 3000, List.of(in, out));
        BigInteger l = RebalancePlanner.liquidityForValue(BigInteger.valueOf(2000), Q96, -max, max);
        assertThat(l).isBetween(BigInteger.valueOf(999), BigInteger.valueOf(1000));
        BigInteger fees = BigInteger.valueOf(1_000_000 * 3000L).multiply(l)
                .divide(BigInteger.valueOf(1_000_000).multiply(BigInteger.valueOf(1000).add(l)));
        assertThat(o.capitalToken1()).isEqualTo(2000);
        assertThat(o.followedToken1()).isEqualTo(30);
        assertThat(o.leftAloneFeesToken1()).isEqualTo(fees).isBetween(BigInteger.valueOf(1499),
                BigInteger.valueOf(1500));
        assertThat(o.leftAloneToken1()).isEqualTo(fees); // same price: no IL
        assertThat(o.differenceToken1()).isEqualTo(BigInteger.valueOf(30).subtract(fees));
        assertThat(o.since()).isEqualTo(MINT);
    }
}
