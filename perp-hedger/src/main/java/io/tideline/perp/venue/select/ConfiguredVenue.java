package io.tideline.perp.venue.select;

import io.tideline.extended.OrderSigner;
import io.tideline.extended.StandInOrderSigner;
import io.tideline.extended.StarkOrderSigner;
import io.tideline.messaging.tx.Transactions;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.market.PoolMarkets;
import io.tideline.perp.market.PoolPrices;
import io.tideline.perp.marketdata.PublishedPrices;
import io.tideline.perp.venue.OrderConfirmation;
import io.tideline.perp.venue.PerpVenue;
import io.tideline.perp.venue.extended.ExtendedConnection;
import io.tideline.perp.venue.extended.ExtendedVenue;
import io.tideline.perp.venue.paper.MarketPrices;
import io.tideline.perp.venue.paper.PaperVenue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * The venue {@code tideline.perp.venue} names, built from its settings (a wrong setting fails the start), and the
 * confirmation of its orders with the configured lookup budget.
 */
@ApplicationScoped
public class ConfiguredVenue {

    @Produces
    @Singleton
    PerpVenue venue(HedgerConfig config, Transactions transactions, PoolPrices prices, PoolMarkets markets,
            PublishedPrices venuePrices) {
        return switch (config.venue()) {
            case "paper" -> new PaperVenue(transactions, new MarketPrices(transactions.reads(), prices, markets,
                    venuePrices, config.marketData().extended().enabled()),
                    config.paper().slippage(), config.paper().feeRate());
            case "extended" -> extended(config.extended());
            default -> throw new IllegalArgumentException("tideline.perp.venue must be paper or extended, got "
                    + config.venue());
        };
    }

    @Produces
    @Singleton
    OrderConfirmation confirmation(PerpVenue venue, HedgerConfig config) {
        HedgerConfig.Execution exec = config.execution();
        return new OrderConfirmation(venue, exec.lookupAttempts(), exec.lookupInterval(), exec.tradesFallbackLimit(),
                d -> Thread.sleep(d.toMillis()));
    }

    static OrderSigner signer(HedgerConfig.Extended e) {
        return switch (e.signer()) {
            case "stark" -> StarkOrderSigner.fromHex(e.starkPrivateKey().filter(k -> !k.isBlank())
                    .orElseThrow(() -> new IllegalArgumentException("tideline.perp.extended.stark-private-key"
                            + " (TIDELINE_PERP_EXTENDED_STARK_PRIVATE_KEY) is required to sign Extended orders")),
                    e.collateralPosition(), e.chain(), "tideline.perp.extended.stark-private-key");
            case "stand-in" -> new StandInOrderSigner(e.standInKey().getBytes(StandardCharsets.UTF_8),
                    e.collateralPosition());
            default -> throw new IllegalArgumentException("tideline.perp.extended.signer must be stark or stand-in,"
                    + " was '" + e.signer() + "'");
        };
    }

    private static PerpVenue extended(HedgerConfig.Extended e) {
        return new ExtendedVenue(ExtendedConnection.settings(e, "the extended venue"), signer(e));
    }
}
