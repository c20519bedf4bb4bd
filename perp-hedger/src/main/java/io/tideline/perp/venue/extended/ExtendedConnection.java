package io.tideline.perp.venue.extended;

import io.tideline.extended.ExtendedClient;
import io.tideline.extended.ExtendedSettings;
import io.tideline.perp.config.HedgerConfig;

/**
 * The connection to Extended from {@code tideline.perp.extended.*}, for the venue and for the readers that only read
 * (the market-data feed, the funding reader).
 */
public final class ExtendedConnection {

    private ExtendedConnection() {
    }

    /** The client settings; a missing API key fails naming the setting and what needs it. */
    public static ExtendedSettings settings(HedgerConfig.Extended e, String neededFor) {
        String apiKey = e.apiKey().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "tideline.perp.extended.api-key (TIDELINE_PERP_EXTENDED_API_KEY) is required for " + neededFor));
        return new ExtendedSettings(e.baseUrl(), apiKey, e.timeout(), e.slippage(), e.maxFeeRate(), e.orderExpiry());
    }

    /** A client that reads only: it refuses to sign, so nothing built on it can place an order. */
    public static ExtendedClient readOnly(HedgerConfig.Extended e, String neededFor) {
        return new ExtendedClient(settings(e, neededFor), order -> {
            throw new IllegalStateException("the " + neededFor + " client reads only; it places no orders");
        }, ExtendedVenue.USER_AGENT);
    }
}
