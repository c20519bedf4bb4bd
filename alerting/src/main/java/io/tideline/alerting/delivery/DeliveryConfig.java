package io.tideline.alerting.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How deliveries are worked off ({@code tideline.alerting.delivery.*}). */
@ConfigMapping(prefix = "tideline.alerting.delivery")
public interface DeliveryConfig {

    /** How often an idle lane looks for due deliveries (a new delivery wakes its lane at once). */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long a claimed delivery stays leased beyond its channel's timeout: if the worker dies while sending, the
     * delivery is due again this long after the attempt's time ran out.
     */
    @WithDefault("30s")
    Duration lease();

    /** Attempts before a delivery fails (the first included). */
    @WithDefault("10")
    int maxAttempts();

    /** The ceiling of the pause after the first failed attempt; it doubles with each attempt. */
    @WithDefault("5s")
    Duration backoffBase();

    /** The largest ceiling of a pause between attempts. */
    @WithDefault("15m")
    Duration backoffMax();

    /** Delivered and suppressed deliveries are deleted (with their attempts) this long after they were finished. */
    @WithDefault("30d")
    Duration retention();

    /** The longest pause of a lane after its own step failed (the database away). */
    @WithDefault("30s")
    Duration maxBackoff();

    Breaker breaker();

    /** The circuit breaker of each channel. */
    interface Breaker {

        /** The rolling window: the last this-many attempts of a channel are looked at. */
        @WithDefault("10")
        int requestVolume();

        /** The share of failed attempts (5xx, timeouts, connection errors) in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses before one trial attempt (half-open). */
        @WithDefault("60s")
        Duration delay();
    }
}
