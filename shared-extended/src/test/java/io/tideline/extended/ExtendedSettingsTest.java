package io.tideline.extended;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings fail at construction naming the bad setting, and never print the API key. */
class ExtendedSettingsTest {

    private static final BigDecimal SLIPPAGE = new BigDecimal("0.0075");
    private static final BigDecimal FEE = new BigDecimal("0.0005");

    @Test
    void keepsTheApiKeyOutOfToString() {
        ExtendedSettings settings = new ExtendedSettings(ExtendedSettings.MAINNET, "k3y-do-not-log",
                Duration.ofSeconds(5), SLIPPAGE, FEE, Duration.ofHours(1));

        assertThat(settings.toString()).doesNotContain("k3y-do-not-log").contains("apiKey=***");
    }

    @Test
    void trailingSlashOfTheBaseUrlIsDropped() {
        ExtendedSettings settings = new ExtendedSettings(URI.create("http://localhost:8089/api/v1/"), "key",
                Duration.ofSeconds(5), SLIPPAGE, FEE, Duration.ofHours(1));

        assertThat(settings.root()).isEqualTo("http://localhost:8089/api/v1");
    }

    @Test
    void namesTheBadSetting() {
        assertThatThrownBy(() -> new ExtendedSettings(ExtendedSettings.MAINNET, " ", Duration.ofSeconds(5),
                SLIPPAGE, FEE, Duration.ofHours(1)))
                .hasMessage("ExtendedSettings.apiKey must be set");
        assertThatThrownBy(() -> new ExtendedSettings(ExtendedSettings.MAINNET, "key", Duration.ZERO, SLIPPAGE, FEE,
                Duration.ofHours(1)))
                .hasMessage("ExtendedSettings.requestTimeout must be positive: PT0S");
        assertThatThrownBy(() -> new ExtendedSettings(ExtendedSettings.MAINNET, "key", Duration.ofSeconds(5),
                new BigDecimal("1.5"), FEE, Duration.ofHours(1)))
                .hasMessage("ExtendedSettings.marketOrderSlippage must be a fraction in [0, 1): 1.5");
        assertThatThrownBy(() -> new ExtendedSettings(ExtendedSettings.MAINNET, "key", Duration.ofSeconds(5),
                SLIPPAGE, new BigDecimal("-0.0005"), Duration.ofHours(1)))
                .hasMessage("ExtendedSettings.maxFeeRate must be a fraction in [0, 1): -0.0005");
        assertThatThrownBy(() -> new ExtendedSettings(ExtendedSettings.MAINNET, "key", Duration.ofSeconds(5),
                SLIPPAGE, FEE, Duration.ofDays(91)))
                .hasMessage("ExtendedSettings.orderExpiry must be at most 90 days: PT2184H");
        assertThatThrownBy(() -> new ExtendedSettings(URI.create("ftp://example.org/api/v1"), "key",
                Duration.ofSeconds(5), SLIPPAGE, FEE, Duration.ofHours(1)))
                .hasMessage("ExtendedSettings.baseUrl must be an http(s) URL: ftp://example.org/api/v1");
    }
}
