package io.tideline.gateway.route;

import io.tideline.service.security.Roles;

import java.util.Locale;

/**
 * One line of the permission table: requests of this method whose path matches the pattern need this role. In a
 * pattern {@code *} is one path segment and a trailing {@code **} any number of them (none included). A GET rule also
 * covers HEAD.
 */
public record RouteRule(String method, String pattern, String role) {

    public RouteRule {
        method = method.toUpperCase(Locale.ROOT);
        if (!Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("not a role: " + role);
        }
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a pattern starts with /: " + pattern);
        }
    }

    public static RouteRule viewer(String method, String pattern) {
        return new RouteRule(method, pattern, Roles.VIEWER);
    }

    public static RouteRule trader(String method, String pattern) {
        return new RouteRule(method, pattern, Roles.TRADER);
    }

    public static RouteRule admin(String method, String pattern) {
        return new RouteRule(method, pattern, Roles.ADMIN);
    }

    /** Whether this rule covers the request. */
    public boolean matches(String requestMethod, String path) {
        String m = requestMethod.toUpperCase(Locale.ROOT);
        if (!m.equals(method) && !(m.equals("HEAD") && method.equals("GET"))) {
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

    /** {@code "POST /api/v1/hedges/{id}/retry"}-like text for messages and docs. */
    @Override
    public String toString() {
        return method + " " + pattern + " -> " + role;
    }
}
