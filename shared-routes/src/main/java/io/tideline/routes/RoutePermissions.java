package io.tideline.routes;

import java.util.List;
import java.util.Optional;

/**
 * The platform's permission table: the least role of every route the gateway forwards, by method and path. The first
 * rule that matches decides; a request no rule covers is not forwarded at all (deny by default). Reads are a viewer's,
 * the desk's operations a trader's, configuration an admin's — the same roles the services check themselves (every
 * service's contract test compares its own routes with this table), so a request the gateway lets through is not
 * refused by its owner for its role.
 */
public final class RoutePermissions {

    /** Every route of every upstream, by the least role it needs. */
    public static final List<RouteRule> PLATFORM = List.of(
            // trader reads: a settlement run's detail (venue order ids)
            RouteRule.trader("GET", "/api/v1/settlement/runs/*"),
            // reads
            RouteRule.viewer("GET", "/api/v1/lp/**"),
            RouteRule.viewer("GET", "/api/v1/hedges/**"),
            RouteRule.viewer("GET", "/api/v1/orders/*"),
            RouteRule.viewer("GET", "/api/v1/trades"),
            RouteRule.viewer("GET", "/api/v1/pnl/*"),
            RouteRule.viewer("GET", "/api/v1/executions/**"),
            RouteRule.viewer("GET", "/api/v1/arbitrage-alerts/**"),
            RouteRule.viewer("GET", "/api/v1/leaderboard"),
            RouteRule.viewer("GET", "/api/v1/webhooks/inbox"),
            RouteRule.viewer("GET", "/api/v1/webhooks/fallback-poll"),
            RouteRule.viewer("GET", "/api/v1/sessions/**"),
            RouteRule.viewer("GET", "/api/v1/fills/**"),
            RouteRule.viewer("GET", "/api/v1/positions/**"),
            RouteRule.viewer("GET", "/api/v1/take-profits/**"),
            RouteRule.viewer("GET", "/api/v1/settlement/**"),
            RouteRule.viewer("GET", "/api/v1/stats"),
            RouteRule.viewer("GET", "/api/v1/paper/**"),
            RouteRule.viewer("GET", "/api/v1/import/**"),
            RouteRule.viewer("GET", "/api/v1/portfolio/**"),
            RouteRule.viewer("GET", "/api/v1/attribution/**"),
            RouteRule.viewer("GET", "/api/v1/risk/**"),
            RouteRule.viewer("GET", "/api/v1/snapshots/**"),
            RouteRule.viewer("GET", "/api/v1/reports/**"),
            RouteRule.viewer("GET", "/api/v1/analytics/backtests/**"),
            RouteRule.viewer("GET", "/api/v1/analytics/suggestions/**"),
            RouteRule.viewer("GET", "/api/v1/analytics/series/**"),
            // (GET /api/v1/alerts/stream never gets here: stream.AlertStreamNotForwarded answers it)
            RouteRule.viewer("GET", "/api/v1/alerts/**"),
            RouteRule.viewer("GET", "/api/v1/alert-rules/**"),
            RouteRule.viewer("GET", "/api/v1/deliveries/**"),
            RouteRule.viewer("GET", "/api/v1/channels"),
            // a computation that changes nothing
            RouteRule.viewer("POST", "/api/v1/amm/position-amounts"),
            RouteRule.viewer("POST", "/api/v1/analytics/allocations"),
            // the desk's operations
            RouteRule.trader("POST", "/api/v1/hedges/*/retry"),
            RouteRule.trader("POST", "/api/v1/orders/market"),
            RouteRule.trader("POST", "/api/v1/markets/resolutions"),
            RouteRule.trader("POST", "/api/v1/executions"),
            RouteRule.trader("POST", "/api/v1/arbitrage-alerts"),
            RouteRule.trader("POST", "/api/v1/webhooks/fallback-poll"),
            RouteRule.trader("POST", "/api/v1/sessions"),
            RouteRule.trader("POST", "/api/v1/sessions/*/stop-loss/acknowledge"),
            RouteRule.trader("POST", "/api/v1/fills"),
            RouteRule.trader("POST", "/api/v1/settlement/run"),
            RouteRule.trader("POST", "/api/v1/paper/prices"),
            RouteRule.trader("POST", "/api/v1/paper/markets/*/halt"),
            RouteRule.trader("POST", "/api/v1/paper/markets/*/resume"),
            RouteRule.trader("POST", "/api/v1/alerts/*/acknowledge"),
            RouteRule.trader("POST", "/api/v1/alerts/*/resolve"),
            RouteRule.trader("POST", "/api/v1/alerts/*/snooze"),
            RouteRule.trader("POST", "/api/v1/deliveries/*/resend"),
            RouteRule.trader("POST", "/api/v1/snapshots"),
            RouteRule.trader("POST", "/api/v1/reports/scheduled/run"),
            RouteRule.trader("POST", "/api/v1/analytics/backtests"),
            RouteRule.trader("POST", "/api/v1/analytics/suggestions/ranges"),
            RouteRule.trader("POST", "/api/v1/analytics/suggestions/positions/*"),
            // configuration
            RouteRule.admin("POST", "/api/v1/lp/wallets"),
            RouteRule.admin("DELETE", "/api/v1/lp/wallets/*"),
            RouteRule.admin("PUT", "/api/v1/pnl/*/method"),
            RouteRule.admin("POST", "/api/v1/import/redis"),
            RouteRule.admin("POST", "/api/v1/alert-rules"),
            RouteRule.admin("PUT", "/api/v1/alert-rules/*"),
            RouteRule.admin("DELETE", "/api/v1/alert-rules/*"),
            RouteRule.admin("POST", "/api/v1/replay"),
            RouteRule.admin("POST", "/api/v1/analytics/series/bars"));

    /**
     * Routes the services serve that the gateway never forwards: each instance's own messaging operations (relay,
     * consumers, inbox re-drives: an operator calls the instance), and pnl-ingest's signed webhook, which callers reach
     * through the gateway's own {@code POST /webhooks/alchemy}.
     */
    public static final List<RoutePattern> NOT_FORWARDED = List.of(
            RoutePattern.anyMethod("/api/v1/messaging/**"),
            new RoutePattern("POST", "/api/v1/webhooks/alchemy"));

    private final List<RouteRule> rules;

    public RoutePermissions(List<RouteRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The least role for the request, or empty when no rule covers it (the gateway does not forward it). */
    public Optional<String> requiredRole(String method, String path) {
        return rules.stream().filter(r -> r.matches(method, path)).findFirst().map(RouteRule::role);
    }

    /** Whether the gateway never forwards this request ({@link #NOT_FORWARDED}). */
    public static boolean notForwarded(String method, String path) {
        return NOT_FORWARDED.stream().anyMatch(p -> p.matches(method, path));
    }

    public List<RouteRule> rules() {
        return rules;
    }
}
