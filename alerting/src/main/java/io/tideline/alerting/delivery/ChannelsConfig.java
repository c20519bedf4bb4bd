package io.tideline.alerting.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outside channels, {@code tideline.alerting.channels.<name>.*}: {@code type} ({@code email} or
 * {@code webhook}); email {@code to} (a list) and {@code from}; webhook {@code url}, {@code secret} (the HMAC key) and
 * {@code timeout}; for both the rate limit {@code capacity} and {@code refill-per-minute}. Checked by
 * {@link ChannelSettings}.
 */
@ConfigMapping(prefix = "tideline.alerting.channels")
public interface ChannelsConfig {

    @WithParentName
    Map<String, ChannelProperties> all();

    /** One channel's properties, as written. */
    interface ChannelProperties {

        Optional<String> type();

        Optional<List<String>> to();

        Optional<String> from();

        Optional<String> url();

        Optional<String> secret();

        @WithDefault("10s")
        Duration timeout();

        @WithDefault("30")
        int capacity();

        @WithDefault("10")
        BigDecimal refillPerMinute();
    }
}
