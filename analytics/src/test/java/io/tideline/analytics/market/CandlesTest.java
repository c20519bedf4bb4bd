package io.tideline.analytics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.amm.TickMath;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandlesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Swap swap(long second, long amount0, long amount1, int tick) {
        return new Swap(T0.plusSeconds(second), BigInteger.valueOf(amount0), BigInteger.valueOf(amount1),
                TickMath.getSqrtRatioAtTick(tick), BigInteger.valueOf(1000 + tick), tick);
    }

    @Test
    void minuteBarsFromSwapsWithAQuietMinuteRepeatingTheClose() {
        List<Swap> swaps = List.of(swap(5, 100, -90, -10), swap(30, -50, 60, 20), swap(59, 10, -9, 5),
                swap(150, -7, 8, 40));

        List<Bar> bars = Candles.fromSwaps(swaps, BarInterval.M1, TickMath.getSqrtRatioAtTick(0));

        assertThat(bars).hasSize(3);
        Bar first = bars.get(0);
        assertThat(first.openSqrtPriceX96()).isEqualTo(TickMath.getSqrtRatioAtTick(0));
        assertThat(first.lowTick()).isEqualTo(-10);
        assertThat(first.highTick()).isEqualTo(20);
        assertThat(first.closeTick()).isEqualTo(5);
        assertThat(first.volume0In()).isEqualTo(110);
        assertThat(first.volume1In()).isEqualTo(60);
        assertThat(first.swaps()).isEqualTo(3);
        assertThat(bars.get(1).swaps()).isZero();
        assertThat(bars.get(1).closeTick()).isEqualTo(5);
        assertThat(bars.get(1).volume0In()).isZero();
        assertThat(bars.get(2).start()).isEqualTo(T0.plusSeconds(120));
        assertThat(bars.get(2).lowTick()).isEqualTo(5);
        assertThat(bars.get(2).highTick()).isEqualTo(40);

        List<Bar> fiveMinutes = Candles.resample(bars, BarInterval.M5);
        assertThat(fiveMinutes).hasSize(1);
        assertThat(fiveMinutes.get(0).lowTick()).isEqualTo(-10);
        assertThat(fiveMinutes.get(0).highTick()).isEqualTo(40);
        assertThat(fiveMinutes.get(0).closeTick()).isEqualTo(40);
        assertThat(fiveMinutes.get(0).volume1In()).isEqualTo(68);
        assertThat(fiveMinutes.get(0).swaps()).isEqualTo(4);
    }

    @Test
    void csvBarsReadPricesAsTicksAndVolumesAsRawUnits() {
        String csv = "volume0,start,open,high,low,close,volume1,liquidity\n"
                + "1.5,2026-01-01T00:00:00Z,1,1.0001,0.9999,1,2.25,777\n"
                + "0,1767225660,1,1,1,1,0,777\n";

        List<Bar> bars = CsvBars.read(new StringReader(csv), BarInterval.M1, 18, 18);

        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).volume0In()).isEqualTo(new BigDecimal("1.5").movePointRight(18).toBigInteger());
        assertThat(bars.get(0).volume1In()).isEqualTo(new BigDecimal("2.25").movePointRight(18).toBigInteger());
        assertThat(bars.get(0).closeTick()).isZero();
        assertThat(bars.get(0).highTick()).isEqualTo(0); // 1.0001 is just below tick 1's own rounded price
        assertThat(bars.get(0).lowTick()).isEqualTo(-2);
        assertThat(bars.get(0).liquidity()).isEqualTo(777);
        assertThat(bars.get(1).start()).isEqualTo(Instant.ofEpochSecond(1767225660));
    }

    @Test
    void csvRefusesABadCellNamingLineAndColumn() {
        String csv = "start,open,high,low,close,volume0,volume1,liquidity\n"
                + "2026-01-01T00:00:00Z,1,1,1,1,0,0,1\n"
                + "2026-01-01T00:01:00Z,1,1,1,1,0.0000000000000000001,0,1\n";
        assertThatThrownBy(() -> CsvBars.read(new StringReader(csv), BarInterval.M1, 18, 18))
                .hasMessageContaining("line 3").hasMessageContaining("'volume0'");
        assertThatThrownBy(() -> CsvBars.read(new StringReader("start,open\n"), BarInterval.M1, 18, 18))
                .hasMessageContaining("'high'");
    }
}
