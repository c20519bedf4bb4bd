package io.tideline.settlement.venue.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.venue.MakerVenue;
import io.tideline.stark.StarknetChain;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Extended venue built from settlement's settings: the keys required, named by property, never printed. */
class ConfiguredVenueTest {

    /** A key of no account. */
    private static final String KEY = "0x3c1e9550e66958296d11b60f8e8e7a7ad990d07fa65d5f7652c4a6c87d4e3cc";

    @Test
    void buildsTheExtendedVenueFromItsSettings() {
        MakerVenue venue = ConfiguredVenue.extended(settings(Map.of("apiKey", Optional.of("k-123"),
                "starkPrivateKey", Optional.of(KEY))));

        assertThat(venue.name()).isEqualTo("extended");
        assertThat(venue.supportsReplace()).isTrue();
    }

    @Test
    void aMissingApiKeyStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> ConfiguredVenue.extended(settings(Map.of("apiKey", Optional.empty(),
                "starkPrivateKey", Optional.of(KEY)))))
                .hasMessageContaining("tideline.settlement.extended.api-key")
                .hasMessageContaining("TIDELINE_SETTLEMENT_EXTENDED_API_KEY");
    }

    @Test
    void aMissingOrBadStarkKeyIsNamedAndNeverPrinted() {
        assertThatThrownBy(() -> ConfiguredVenue.extended(settings(Map.of("apiKey", Optional.of("k-123"),
                "starkPrivateKey", Optional.empty()))))
                .hasMessageContaining("tideline.settlement.extended.stark-private-key");
        String bad = "0xnot-hex-" + KEY.substring(10);
        assertThatThrownBy(() -> ConfiguredVenue.extended(settings(Map.of("apiKey", Optional.of("k-123"),
                "starkPrivateKey", Optional.of(bad)))))
                .hasMessageContaining("tideline.settlement.extended.stark-private-key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad.substring(10)));
    }

    @Test
    void aPairListedTwiceIsRefused() {
        SettlementConfig.ExtendedMarket eth = market("ETH-USDC", "ETH-USD");
        assertThatThrownBy(() -> ConfiguredVenue.extended(settings(Map.of("apiKey", Optional.of("k"),
                "starkPrivateKey", Optional.of(KEY), "markets", List.of(eth, eth)))))
                .hasMessageContaining("ETH-USDC twice");
    }

    /** The settings' defaults, with these overridden (by method name). */
    private static SettlementConfig.Extended settings(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of("baseUrl", URI.create("https://extended.invalid/api/v1"),
                "timeout", Duration.ofSeconds(5), "maxFeeRate", new BigDecimal("0.0005"),
                "orderExpiry", Duration.ofDays(30), "signer", "stark", "chain", StarknetChain.SN_MAIN,
                "standInKey", "k", "collateralPosition", 1L, "markets", List.of(market("ETH-USDC", "ETH-USD")),
                "confirmAttempts", 3));
        values.put("confirmInterval", Duration.ofMillis(200));
        values.put("tradesLimit", 500);
        values.putAll(overrides);
        return (SettlementConfig.Extended) Proxy.newProxyInstance(ConfiguredVenueTest.class.getClassLoader(),
                new Class<?>[] {SettlementConfig.Extended.class}, (p, m, a) -> values.get(m.getName()));
    }

    private static SettlementConfig.ExtendedMarket market(String pair, String market) {
        return (SettlementConfig.ExtendedMarket) Proxy.newProxyInstance(ConfiguredVenueTest.class.getClassLoader(),
                new Class<?>[] {SettlementConfig.ExtendedMarket.class},
                (p, m, a) -> "pair".equals(m.getName()) ? pair : market);
    }
}
