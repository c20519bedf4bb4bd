package io.tideline.perp.venue.extended;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tideline.extended.ExtendedSettings;
import io.tideline.extended.StandInOrderSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A WireMock stand-in for Extended's REST API in tests: its documented JSON answers (from
 * {@code src/test/resources/extended}) and an {@link ExtendedVenue} pointed at it with a fixed clock and nonce.
 */
final class ExtendedStandIn {

    static final String API_KEY = "test-api-key-3f9a";
    static final String API = "/api/v1";
    static final Instant NOW = Instant.parse("2024-05-20T08:00:00Z");
    static final long NONCE = 1_473_459_052L;
    static final long VAULT = 100_042L;
    static final StandInOrderSigner SIGNER =
            new StandInOrderSigner("stand-in-key".getBytes(StandardCharsets.UTF_8), VAULT);

    private ExtendedStandIn() {
    }

    /** Settings for the stand-in: 0.75 % slippage, 0.05 % max fee, one hour expiry, 2 s timeout. */
    static ExtendedSettings settings(WireMockExtension server, Duration timeout) {
        return new ExtendedSettings(URI.create(server.baseUrl() + API), API_KEY, timeout,
                new BigDecimal("0.0075"), new BigDecimal("0.0005"), Duration.ofHours(1));
    }

    static ExtendedVenue venue(WireMockExtension server) {
        return venue(server, Duration.ofSeconds(2));
    }

    static ExtendedVenue venue(WireMockExtension server, Duration timeout) {
        return new ExtendedVenue(settings(server, timeout), SIGNER, Clock.fixed(NOW, ZoneOffset.UTC), () -> NONCE);
    }

    /** A 200 answer with the fixture's body. */
    static ResponseDefinitionBuilder ok(String fixture) {
        return answer(200, fixture);
    }

    static ResponseDefinitionBuilder answer(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(fixture(fixture));
    }

    /** The ETH-USD market rules and its best bid 3087.50 / ask 3089.05. */
    static void stubEthUsdMarket(WireMockExtension server) {
        server.stubFor(get(urlPathEqualTo(API + "/info/markets")).willReturn(ok("markets-eth-usd.json")));
        server.stubFor(get(urlPathEqualTo(API + "/info/markets/ETH-USD/stats")).willReturn(ok("stats-eth-usd.json")));
    }

    static String fixture(String name) {
        try (InputStream in = ExtendedStandIn.class.getResourceAsStream("/extended/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture extended/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
