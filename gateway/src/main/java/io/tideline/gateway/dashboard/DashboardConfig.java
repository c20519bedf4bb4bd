package io.tideline.gateway.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The dashboard's settings: its dev login, for the local profile only ({@link DevLoginPolicy}). */
@ConfigMapping(prefix = "tideline.gateway.dashboard")
public interface DashboardConfig {

    @WithName("dev-login")
    DevLogin devLogin();

    interface DevLogin {

        /** Whether {@code POST /dashboard/dev-login} signs a token for a chosen role (local profile only). */
        @WithDefault("false")
        boolean enabled();

        /** How long a dev-login token lives. */
        @WithDefault("PT1H")
        Duration ttl();
    }
}
