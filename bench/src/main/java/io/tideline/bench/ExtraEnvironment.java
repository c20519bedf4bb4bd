package io.tideline.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Settings a run adds to a benchmarked service's environment, given as {@code NAME=value,NAME=value} (a system
 * property or an environment variable of the benchmark), so that one build is measured under several settings.
 */
public final class ExtraEnvironment {

    private ExtraEnvironment() {
    }

    public static Map<String, String> parse(String given) {
        Map<String, String> extra = new HashMap<>();
        for (String pair : given == null ? new String[0] : given.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                extra.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return extra;
    }
}
