package io.tideline.alerting.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * The services whose readiness alerting polls for SERVICE_NOT_READY rules ({@code tideline.alerting.readiness.*}):
 * {@code tideline.alerting.readiness.services."lp-tracker"=http://127.0.0.1:8081}; each is asked
 * {@code GET <url>/q/health/ready} at every clock pass.
 */
@ConfigMapping(prefix = "tideline.alerting.readiness")
public interface ReadinessConfig {

    /** Service name to its base URL; none by default. */
    Map<String, String> services();

    /** How long one readiness call may take before it counts as not ready. */
    @WithDefault("2s")
    Duration timeout();
}
