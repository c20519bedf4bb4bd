package io.tideline.analytics.market;

import java.time.Duration;

/** The candle widths a series is built at, from one minute to one day (bars start on multiples of the width, UTC). */
public enum BarInterval {
    M1(60), M5(300), M15(900), H1(3600), H4(14_400), D1(86_400);

    private final long seconds;

    BarInterval(long seconds) {
        this.seconds = seconds;
    }

    public long seconds() {
        return seconds;
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    /** The start of the bar holding {@code epochSecond}. */
    public long startOf(long epochSecond) {
        return Math.floorDiv(epochSecond, seconds) * seconds;
    }
}
