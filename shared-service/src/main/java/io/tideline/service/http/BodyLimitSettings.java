package io.tideline.service.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * How large a request body each route takes ({@code tideline.http.*}). A route not listed takes
 * {@code max-body-size}; {@code route-max-body-size."/api/v1/webhooks/alchemy"=4M} gives a path (and the paths under it)
 * a limit of its own. Quarkus' {@code quarkus.http.limits.max-body-size} stays the ceiling for bodies sent without a
 * length.
 */
@ConfigMapping(prefix = "tideline.http")
public interface BodyLimitSettings {

    @WithDefault("64K")
    MemorySize maxBodySize();

    Map<String, MemorySize> routeMaxBodySize();
}
