package io.tideline.gateway.dashboard;

import java.util.List;
import java.util.Set;

/**
 * Where the dev login may be switched on: the local profile (and the dev and test profiles that stand for it on a
 * developer's machine), never anywhere else. Anything else with it switched on is a configuration mistake that would
 * hand out tokens for any role to anyone: the gateway refuses to start.
 */
public final class DevLoginPolicy {

    static final String PROPERTY = "tideline.gateway.dashboard.dev-login.enabled";
    private static final Set<String> ALLOWED = Set.of("local", "dev", "test");

    private DevLoginPolicy() {
    }

    /**
     * Checks the setting against the active profiles.
     *
     * @throws IllegalStateException naming the property when it is on outside the allowed profiles
     */
    public static void check(boolean enabled, List<String> activeProfiles) {
        if (!enabled) {
            return;
        }
        boolean allowed = !activeProfiles.isEmpty() && !activeProfiles.contains("prod")
                && activeProfiles.stream().anyMatch(ALLOWED::contains);
        if (!allowed) {
            throw new IllegalStateException(PROPERTY + "=true is allowed only in the local profile (active profiles: "
                    + activeProfiles + "): it signs a token for any role to anyone who asks");
        }
    }
}
