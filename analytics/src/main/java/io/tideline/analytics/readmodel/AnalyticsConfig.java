package io.tideline.analytics.readmodel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;
import java.util.List;

/** analytics' settings ({@code tideline.analytics.*}); defaults run locally. */
@ConfigMapping(prefix = "tideline.analytics")
public interface AnalyticsConfig {

    /** Token symbols worth one dollar: the side of a pool the desk's figures are in. */
    @WithDefault("USDC,USDT,DAI,TUSDC,USDC.E,FDUSD,PYUSD,USDS")
    List<String> dollarTokens();

    Snapshots snapshots();

    Risk risk();

    Reports reports();

    /** Scheduled snapshots. */
    interface Snapshots {
        /** Whether this instance takes them (tests take theirs on demand). */
        @WithDefault("true")
        boolean enabled();

        /** Time between scheduled snapshots. */
        @WithDefault("1h")
        Duration interval();
    }

    /** Risk conventions. */
    interface Risk {
        /** Annual risk-free rate (simple), e.g. 0.04. */
        @WithDefault("0")
        @DecimalMin("-1")
        @DecimalMax("1")
        double riskFreeRate();
    }

    /** Scheduled reports. */
    interface Reports {
        /** Whether this instance makes the daily and weekly reports. */
        @WithDefault("true")
        boolean enabled();

        /** How often the schedule is checked (a report for a period is made once). */
        @WithDefault("5m")
        Duration checkInterval();
    }
}
