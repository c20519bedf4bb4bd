package io.tideline.settlement.venue.select;

import io.quarkus.runtime.Startup;
import io.tideline.extended.ExtendedClient;
import io.tideline.extended.ExtendedSettings;
import io.tideline.extended.OrderSigner;
import io.tideline.extended.StandInOrderSigner;
import io.tideline.extended.StarkOrderSigner;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.venue.MakerVenue;
import io.tideline.settlement.venue.extended.ExtendedMakerVenue;
import io.tideline.settlement.venue.paper.PaperVenue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The maker venue {@code tideline.settlement.venue} names, built from its settings: a missing key or a bad setting
 * fails the start naming the property (never printing a key).
 */
@ApplicationScoped
public class ConfiguredVenue {

    @Produces
    @Singleton
    @Startup // built at start, so that a missing key or a bad setting stops the service then
    MakerVenue venue(SettlementConfig config, Instance<PaperVenue> paper) {
        return switch (config.venue()) {
            case "paper" -> paper.get();
            case "extended" -> extended(config.extended());
            default -> throw new IllegalArgumentException("tideline.settlement.venue must be paper or extended, got "
                    + config.venue());
        };
    }

    static MakerVenue extended(SettlementConfig.Extended e) {
        String apiKey = e.apiKey().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "tideline.settlement.extended.api-key (TIDELINE_SETTLEMENT_EXTENDED_API_KEY) is required for the"
                        + " extended venue"));
        // settlement sends post-only limit orders only: no market-order slippage
        ExtendedSettings settings = new ExtendedSettings(e.baseUrl(), apiKey, e.timeout(), BigDecimal.ZERO,
                e.maxFeeRate(), e.orderExpiry());
        Map<String, String> markets = new HashMap<>();
        for (SettlementConfig.ExtendedMarket m : e.markets()) {
            if (markets.put(m.pair(), m.market()) != null) {
                throw new IllegalArgumentException("tideline.settlement.extended.markets lists " + m.pair()
                        + " twice");
            }
        }
        return new ExtendedMakerVenue(new ExtendedClient(settings, signer(e), ExtendedMakerVenue.USER_AGENT), markets,
                e.confirmAttempts(), e.confirmInterval(), e.tradesLimit(), d -> Thread.sleep(d.toMillis()));
    }

    static OrderSigner signer(SettlementConfig.Extended e) {
        return switch (e.signer()) {
            case "stark" -> StarkOrderSigner.fromHex(e.starkPrivateKey().filter(k -> !k.isBlank())
                    .orElseThrow(() -> new IllegalArgumentException("tideline.settlement.extended.stark-private-key"
                            + " (TIDELINE_SETTLEMENT_EXTENDED_STARK_PRIVATE_KEY) is required to sign Extended orders")),
                    e.collateralPosition(), e.chain(), "tideline.settlement.extended.stark-private-key");
            case "stand-in" -> new StandInOrderSigner(e.standInKey().getBytes(StandardCharsets.UTF_8),
                    e.collateralPosition());
            default -> throw new IllegalArgumentException("tideline.settlement.extended.signer must be stark or"
                    + " stand-in, was '" + e.signer() + "'");
        };
    }
}
