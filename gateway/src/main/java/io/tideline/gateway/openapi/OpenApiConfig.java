package io.tideline.gateway.openapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** How the merged OpenAPI document keeps the upstreams' documents ({@code tideline.gateway.openapi.*}). */
@ConfigMapping(prefix = "tideline.gateway.openapi")
public interface OpenApiConfig {

    /** How often every upstream's {@code /q/openapi} is read again (a new version of a service shows within this). */
    @WithName("refresh-interval")
    @WithDefault("60s")
    Duration refreshInterval();
}
