package io.tideline.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickMathTest {

    private static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);

    // Uniswap/v3-core test/TickMath.spec.ts: 'min tick', 'max tick', 'min tick +1', 'max tick - 1'.
    @Test
    void returnsTheContractsRatiosAtTheEndsOfTheTickRange() {
        assertThat(TickMath.getSqrtRatioAtTick(TickMath.MIN_TICK)).isEqualTo("4295128739").isEqualTo(TickMath.MIN_SQRT_RATIO);
        assertThat(TickMath.getSqrtRatioAtTick(TickMath.MAX_TICK))
                .isEqualTo("1461446703485210103287273052203988822378723970342")
                .isEqualTo(TickMath.MAX_SQRT_RATIO);
        assertThat(TickMath.getSqrtRatioAtTick(TickMath.MIN_TICK + 1)).isEqualTo("4295343490");
        assertThat(TickMath.getSqrtRatioAtTick(TickMath.MAX_TICK - 1))
                .isEqualTo("1461373636630004318706518188784493106690254656249");
    }

    // Uniswap/v3-core test/__snapshots__/TickMath.spec.ts.snap, '#getSqrtRatioAtTick tick N result'.
    @ParameterizedTest(name = "tick {0}")
    @CsvSource({
            "-50, 79030349367926598376800521322", "50, 79426470787362580746886972461",
            "-100, 78833030112140176575862854579", "100, 79625275426524748796330556128",
            "-250, 78244023372248365697264290337", "250, 80224679980005306637834519095",
            "-500, 77272108795590369356373805297", "500, 81233731461783161732293370115",
            "-1000, 75364347830767020784054125655", "1000, 83290069058676223003182343270",
            "-2500, 69919044979842180277688105136", "2500, 89776708723587163891445672585",
            "-3000, 68192822843687888778582228483", "3000, 92049301871182272007977902845",
            "-4000, 64867181785621769311890333195", "4000, 96768528593268422080558758223",
            "-5000, 61703726247759831737814779831", "5000, 101729702841318637793976746270",
            "-50000, 6504256538020985011912221507", "50000, 965075977353221155028623082916",
            "-150000, 43836292794701720435367485", "150000, 143194173941309278083010301478497",
            "-250000, 295440463448801648376846", "250000, 21246587762933397357449903968194344",
            "-500000, 1101692437043807371", "500000, 5697689776495288729098254600827762987878",
            "-738203, 7409801140451", "738203, 847134979253254120489401328389043031315994541",
    })
    void matchesTheSnapshotOfGetSqrtRatioAtTick(int tick, String sqrtPriceX96) {
        assertThat(TickMath.getSqrtRatioAtTick(tick)).isEqualTo(sqrtPriceX96);
    }

    // Tick 0 is exactly 2^96: the contract starts from 1 << 128 and no bit of |tick| is set.
    // Ticks +-1 are not in the snapshot; derived in Python from the contract's bit-0 constant c = 0xfffcb933bd6fad37aa2d162d1a594001
    // (Uniswap/v3-core contracts/libraries/TickMath.sol): tick -1 = ceil(c / 2^32), tick 1 = ceil(((2^256 - 1) // c) / 2^32);
    // both lie within 1 above the exact 2^96 / sqrt(1.0001) = 79224201403219477170569942573.10 and
    // 2^96 * sqrt(1.0001) = 79232123823359799118286999567.36, as the contract rounds up.
    @Test
    void returnsTwoToThe96AtTickZeroAndRoundsUpAtTicksOneAway() {
        assertThat(TickMath.getSqrtRatioAtTick(0)).isEqualTo(Q96);
        assertThat(TickMath.getSqrtRatioAtTick(-1)).isEqualTo("79224201403219477170569942574");
        assertThat(TickMath.getSqrtRatioAtTick(1)).isEqualTo("79232123823359799118286999568");
    }

    // Uniswap/v3-core test/TickMath.spec.ts: 'throws for too low' / 'throws for too high' (revertedWith 'T').
    @Test
    void rejectsTicksOutsideTheRangeWithT() {
        for (int tick : new int[] {TickMath.MIN_TICK - 1, TickMath.MAX_TICK + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> TickMath.getSqrtRatioAtTick(tick))
                    .isInstanceOf(AmmMathException.class)
                    .hasMessageContaining("'T'")
                    .hasMessageContaining(String.valueOf(tick))
                    .extracting(e -> ((AmmMathException) e).reason())
                    .isEqualTo(AmmMathException.Reason.TICK_OUT_OF_RANGE);
        }
    }

    // Uniswap/v3-core test/TickMath.spec.ts: 'ratio of min tick', 'ratio of min tick + 1', 'ratio of max tick - 1',
    // 'ratio closest to max tick'.
    @Test
    void returnsTheTickAtTheEndsOfTheRatioRange() {
        assertThat(TickMath.getTickAtSqrtRatio(TickMath.MIN_SQRT_RATIO)).isEqualTo(TickMath.MIN_TICK);
        assertThat(TickMath.getTickAtSqrtRatio(new BigInteger("4295343490"))).isEqualTo(TickMath.MIN_TICK + 1);
        assertThat(TickMath.getTickAtSqrtRatio(new BigInteger("1461373636630004318706518188784493106690254656249")))
                .isEqualTo(TickMath.MAX_TICK - 1);
        assertThat(TickMath.getTickAtSqrtRatio(TickMath.MAX_SQRT_RATIO.subtract(BigInteger.ONE)))
                .isEqualTo(TickMath.MAX_TICK - 1);
    }

    // Uniswap/v3-core test/__snapshots__/TickMath.spec.ts.snap, '#getTickAtSqrtRatio ratio R result'
    // (the ratios are the spec's encodePriceSqrt of 1e12:1, 1e6:1, 1:64, 1:8, 1:2, 1:1, 2:1, 8:1, 64:1, 1:1e6, 1:1e12).
    @ParameterizedTest(name = "ratio {0}")
    @CsvSource({
            "4295128739, -887272",
            "79228162514264337593543, -276325",
            "79228162514264337593543950, -138163",
            "9903520314283042199192993792, -41591",
            "28011385487393069959365969113, -20796",
            "56022770974786139918731938227, -6932",
            "79228162514264337593543950336, 0",
            "112045541949572279837463876454, 6931",
            "224091083899144559674927752909, 20795",
            "633825300114114700748351602688, 41590",
            "79228162514264337593543950336000, 138162",
            "79228162514264337593543950336000000, 276324",
            "1461446703485210103287273052203988822378723970341, 887271",
    })
    void matchesTheSnapshotOfGetTickAtSqrtRatio(String sqrtPriceX96, int tick) {
        assertThat(TickMath.getTickAtSqrtRatio(new BigInteger(sqrtPriceX96))).isEqualTo(tick);
    }

    // Uniswap/v3-core test/TickMath.spec.ts: 'throws for too low' (MIN_SQRT_RATIO - 1) / 'throws for too high'
    // (MAX_SQRT_RATIO itself: the upper bound is exclusive), revertedWith 'R'.
    @Test
    void rejectsRatiosOutsideTheRangeWithR() {
        for (BigInteger ratio : new BigInteger[] {TickMath.MIN_SQRT_RATIO.subtract(BigInteger.ONE), TickMath.MAX_SQRT_RATIO}) {
            assertThatThrownBy(() -> TickMath.getTickAtSqrtRatio(ratio))
                    .isInstanceOf(AmmMathException.class)
                    .hasMessageContaining("'R'")
                    .hasMessageContaining(ratio.toString())
                    .extracting(e -> ((AmmMathException) e).reason())
                    .isEqualTo(AmmMathException.Reason.SQRT_RATIO_OUT_OF_RANGE);
        }
    }

    @Test
    void refusesValuesThatAreNotAUint160() {
        assertThatThrownBy(() -> TickMath.getTickAtSqrtRatio(BigInteger.ONE.negate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uint160");
        assertThatThrownBy(() -> TickMath.getTickAtSqrtRatio(BigInteger.ONE.shiftLeft(160)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uint160");
    }

    // The spec's 'ratio is between the tick and tick+1' property, over every tick in [-3000, 3000] and a stride
    // through the whole range: the tick of a tick's own ratio is that tick, and one below it is the tick below.
    @Test
    void getTickAtSqrtRatioIsTheFloorOfGetSqrtRatioAtTick() {
        IntStream ticks = IntStream.concat(IntStream.rangeClosed(-3000, 3000),
                IntStream.iterate(TickMath.MIN_TICK, t -> t <= TickMath.MAX_TICK, t -> t + 997));
        ticks.forEach(tick -> {
            BigInteger ratio = TickMath.getSqrtRatioAtTick(tick);
            if (tick < TickMath.MAX_TICK) {
                BigInteger next = TickMath.getSqrtRatioAtTick(tick + 1);
                assertThat(next).as("ratio at %d + 1", tick).isGreaterThan(ratio);
                assertThat(TickMath.getTickAtSqrtRatio(ratio)).as("tick at ratio(%d)", tick).isEqualTo(tick);
                assertThat(TickMath.getTickAtSqrtRatio(next.subtract(BigInteger.ONE)))
                        .as("tick at ratio(%d + 1) - 1", tick).isEqualTo(tick);
            }
            if (tick > TickMath.MIN_TICK) {
                assertThat(TickMath.getTickAtSqrtRatio(ratio.subtract(BigInteger.ONE)))
                        .as("tick at ratio(%d) - 1", tick).isEqualTo(tick - 1);
            }
        });
    }
}
