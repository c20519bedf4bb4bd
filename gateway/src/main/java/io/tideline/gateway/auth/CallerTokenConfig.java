package io.tideline.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/**
 * How the gateway vouches for an API-key caller to the services: a short-lived RS256 token it signs with this private
 * key (PKCS#8, PEM or DER), whose public half the services already trust.
 */
@ConfigMapping(prefix = "tideline.gateway.caller-token")
public interface CallerTokenConfig {

    /** The private key's file; without it API keys work at the gateway's own routes only. */
    @WithName("signing-key-location")
    Optional<String> signingKeyLocation();

    @WithDefault("PT2M")
    Duration ttl();

    @WithDefault("${mp.jwt.verify.issuer:tideline}")
    String issuer();

    @WithDefault("tideline-api")
    String audience();
}
