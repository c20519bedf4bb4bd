package io.tideline.alerting.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often alerting checks conditions held over time and escalations ({@code tideline.alerting.clock.*}). */
@ConfigMapping(prefix = "tideline.alerting.clock")
public interface ClockConfig {

    /** Between two passes; a timed rule fires at most this late after its time has come. */
    @WithDefault("5s")
    Duration interval();

    /** The longest back-off after a failed pass (the database away). */
    @WithDefault("30s")
    Duration maxBackoff();
}
