package io.tideline.routes;

import java.util.Locale;

/**
 * Requests of a method (or of any, {@code *}) whose path matches a pattern. In a pattern {@code *} is one non-empty
 * path segment and a trailing {@code **} any number of them (none included). A GET pattern also covers HEAD.
 */
public record RoutePattern(String method, String pattern) {

    public RoutePattern {
        method = method.toUpperCase(Locale.ROOT);
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a pattern starts with /: " + pattern);
        }
    }

    /** Requests of any method. */
    public static RoutePattern anyMethod(String pattern) {
        return new RoutePattern("*", pattern);
    }

    /** Whether the request is one of these. */
    public boolean matches(String requestMethod, String path) {
        return matches(method, pattern, requestMethod, path);
    }

    static boolean matches(String method, String pattern, String requestMethod, String path) {
        String m = requestMethod.toUpperCase(Locale.ROOT);
        if (!method.equals("*") && !m.equals(method) && !(m.equals("HEAD") && method.equals("GET"))) {
            return false;
        }
        String[] want = pattern.substring(1).split("/", -1);
        String[] have = path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals("**") && i == want.length - 1) {
                return true;
            }
            if (i >= have.length || have[i].isEmpty()) {
                return false;
            }
            if (!want[i].equals("*") && !want[i].equals(have[i])) {
                return false;
            }
        }
        return have.length == want.length;
    }

    /**
     * A request path for an OpenAPI path template: each {@code {parameter}} becomes one segment, which is what a
     * {@code *} of a pattern stands for.
     */
    public static String pathOf(String template) {
        return template.replaceAll("\\{[^}/]+}", "p");
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
