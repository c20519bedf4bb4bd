package io.tideline.lp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** {@code tideline.lp.chain.on-new-chain}: typed, defaulted, settable from the environment, refused when unknown. */
class TrackerConfigTest {

    @Test
    void onNewChainFailsByDefault() {
        assertThat(mapping(new PropertiesConfigSource(Map.of(), "test", 100)).chain().onNewChain())
                .isEqualTo(OnNewChain.FAIL);
    }

    @Test
    void onNewChainTakesStartOverFromThePropertyOrTheEnvironment() {
        assertThat(mapping(new PropertiesConfigSource(Map.of("tideline.lp.chain.on-new-chain", "start-over"),
                "test", 100)).chain().onNewChain()).isEqualTo(OnNewChain.START_OVER);
        assertThat(mapping(new EnvConfigSource(Map.of("TIDELINE_LP_CHAIN_ON_NEW_CHAIN", "start-over"), 300))
                .chain().onNewChain()).isEqualTo(OnNewChain.START_OVER);
    }

    @Test
    void anUnknownOnNewChainStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> mapping(new PropertiesConfigSource(
                Map.of("tideline.lp.chain.on-new-chain", "carry-on"), "test", 100)))
                .hasMessageContaining("tideline.lp.chain.on-new-chain").hasMessageContaining("carry-on");
    }

    private static TrackerConfig mapping(ConfigSource source) {
        // Quarkus's "10s"-style durations, as the service reads them.
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TrackerConfig.class).withSources(source)
                .withConverter(Duration.class, 200, new DurationConverter()).build();
        return config.getConfigMapping(TrackerConfig.class);
    }
}
