package io.tideline.routes;

import java.util.List;
import java.util.Locale;

/**
 * One line of the permission table: requests of this method whose path matches the pattern need this role (a pattern
 * as {@link RoutePattern} reads it: {@code *} one segment, a trailing {@code **} any rest; a GET rule also covers
 * HEAD).
 */
public record RouteRule(String method, String pattern, String role) {

    /**
     * The platform's roles from the least to the most privileged: shared-service's {@code Roles}, which this plain
     * module cannot see; every service's contract test compares the roles its routes require with this table's.
     */
    public static final List<String> ROLES = List.of("viewer", "trader", "admin");

    public RouteRule {
        method = method.toUpperCase(Locale.ROOT);
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("not a role: " + role);
        }
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a pattern starts with /: " + pattern);
        }
    }

    public static RouteRule viewer(String method, String pattern) {
        return new RouteRule(method, pattern, "viewer");
    }

    public static RouteRule trader(String method, String pattern) {
        return new RouteRule(method, pattern, "trader");
    }

    public static RouteRule admin(String method, String pattern) {
        return new RouteRule(method, pattern, "admin");
    }

    /** Whether this rule covers the request. */
    public boolean matches(String requestMethod, String path) {
        return RoutePattern.matches(method, pattern, requestMethod, path);
    }

    /** {@code "POST /api/v1/hedges/{id}/retry"}-like text for messages and docs. */
    @Override
    public String toString() {
        return method + " " + pattern + " -> " + role;
    }
}
