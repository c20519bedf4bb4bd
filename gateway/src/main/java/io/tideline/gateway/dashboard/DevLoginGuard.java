package io.tideline.gateway.dashboard;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Stops the gateway at start when the dev login is switched on outside the local profile ({@link DevLoginPolicy}). */
@ApplicationScoped
class DevLoginGuard {

    private static final Logger LOG = Logger.getLogger(DevLoginGuard.class);

    void onStart(@Observes StartupEvent start, DashboardConfig config) {
        DevLoginPolicy.check(config.devLogin().enabled(), ConfigUtils.getProfiles());
        if (config.devLogin().enabled()) {
            LOG.warnf("the dashboard's dev login is on (%s): POST /dashboard/dev-login signs a token for any role",
                    DevLoginPolicy.PROPERTY);
        }
    }
}
