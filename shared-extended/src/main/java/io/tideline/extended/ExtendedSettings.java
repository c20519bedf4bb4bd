package io.tideline.extended;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Extended and the bounds every order sent through {@link ExtendedClient} carries.
 *
 * @param baseUrl             the REST API root including {@code /api/v1}, e.g. {@link #MAINNET}
 * @param apiKey              sent as {@code X-Api-Key}; never printed by {@link #toString()}
 * @param requestTimeout      per HTTP request (connect and answer)
 * @param marketOrderSlippage fraction of the best bid/ask a market order may trade through, e.g. {@code 0.0075}
 *                            (used by {@link ExtendedClient#placeMarketOrder} only)
 * @param maxFeeRate          the highest fee rate the order accepts (Extended's {@code fee}), e.g. {@code 0.0005}
 * @param orderExpiry         added to now for {@code expiryEpochMillis}; Extended allows at most 90 days on mainnet
 *                            and 28 on testnet
 */
public record ExtendedSettings(URI baseUrl, String apiKey, Duration requestTimeout, BigDecimal marketOrderSlippage,
                               BigDecimal maxFeeRate, Duration orderExpiry) {

    /** Extended's mainnet REST root. */
    public static final URI MAINNET = URI.create("https://api.starknet.extended.exchange/api/v1");
    /** Extended's testnet (Starknet Sepolia) REST root. */
    public static final URI TESTNET = URI.create("https://api.starknet.sepolia.extended.exchange/api/v1");

    private static final Duration LONGEST_EXPIRY = Duration.ofDays(90);

    public ExtendedSettings {
        Objects.requireNonNull(baseUrl, "ExtendedSettings.baseUrl must be set");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("ExtendedSettings.baseUrl must be an http(s) URL: " + baseUrl);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("ExtendedSettings.apiKey must be set");
        }
        requirePositive(requestTimeout, "requestTimeout");
        requireFraction(marketOrderSlippage, "marketOrderSlippage");
        requireFraction(maxFeeRate, "maxFeeRate");
        requirePositive(orderExpiry, "orderExpiry");
        if (orderExpiry.compareTo(LONGEST_EXPIRY) > 0) {
            throw new IllegalArgumentException("ExtendedSettings.orderExpiry must be at most 90 days: " + orderExpiry);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("ExtendedSettings." + name + " must be positive: " + value);
        }
    }

    private static void requireFraction(BigDecimal value, String name) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("ExtendedSettings." + name + " must be a fraction in [0, 1): " + value);
        }
    }

    /** The base URL without a trailing slash, ready for a path starting with one. */
    String root() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "ExtendedSettings[baseUrl=" + baseUrl + ", apiKey=***, requestTimeout=" + requestTimeout
                + ", marketOrderSlippage=" + marketOrderSlippage.toPlainString() + ", maxFeeRate="
                + maxFeeRate.toPlainString() + ", orderExpiry=" + orderExpiry + "]";
    }
}
