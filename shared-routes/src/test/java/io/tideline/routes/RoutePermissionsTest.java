package io.tideline.routes;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutePermissionsTest {

    private final RoutePermissions platform = new RoutePermissions(RoutePermissions.PLATFORM);

    @Test
    void readsAreAViewersTheDesksOperationsATradersConfigurationAnAdmins() {
        assertThat(platform.requiredRole("GET", "/api/v1/lp/positions/42/history")).contains("viewer");
        assertThat(platform.requiredRole("HEAD", "/api/v1/leaderboard")).contains("viewer");
        assertThat(platform.requiredRole("POST", "/api/v1/hedges/h-1/retry")).contains("trader");
        assertThat(platform.requiredRole("POST", "/api/v1/settlement/run")).contains("trader");
        assertThat(platform.requiredRole("POST", "/api/v1/alerts/a-1/acknowledge")).contains("trader");
        assertThat(platform.requiredRole("PUT", "/api/v1/alert-rules/r-1")).contains("admin");
        assertThat(platform.requiredRole("POST", "/api/v1/import/redis")).contains("admin");
    }

    @Test
    void theFirstMatchingRuleDecides() {
        assertThat(platform.requiredRole("GET", "/api/v1/settlement/runs/run-1")).contains("trader");
        assertThat(platform.requiredRole("GET", "/api/v1/settlement/runs")).contains("viewer");
    }

    @Test
    void aRouteNoRuleCoversIsNotForwarded() {
        assertThat(platform.requiredRole("POST", "/api/v1/leaderboard")).isEmpty();
        assertThat(platform.requiredRole("DELETE", "/api/v1/hedges/h-1")).isEmpty();
        assertThat(platform.requiredRole("POST", "/api/v1/hedges/h-1/retry/again")).isEmpty();
        assertThat(platform.requiredRole("GET", "/api/v1/nobody")).isEmpty();
    }

    @Test
    void aSingleStarIsOneNonEmptySegmentADoubleStarAnyRest() {
        RouteRule one = RouteRule.trader("POST", "/api/v1/hedges/*/retry");
        assertThat(one.matches("POST", "/api/v1/hedges//retry")).isFalse();
        assertThat(one.matches("post", "/api/v1/hedges/7/retry")).isTrue();
        RouteRule rest = RouteRule.viewer("GET", "/api/v1/lp/**");
        assertThat(rest.matches("GET", "/api/v1/lp")).isTrue();
        assertThat(rest.matches("GET", "/api/v1/lp/a/b/c")).isTrue();
        assertThat(rest.matches("GET", "/api/v1/lpx")).isFalse();
        assertThat(rest.matches("POST", "/api/v1/lp/a")).isFalse();
    }

    @Test
    void aRuleNamesARealRole() {
        assertThatThrownBy(() -> new RouteRule("GET", "/api/v1/x", "root"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root");
        assertThat(new RoutePermissions(List.of()).requiredRole("GET", "/api/v1/lp")).isEqualTo(Optional.empty());
    }

    @Test
    void someRoutesAreNeverForwardedWhateverTheMethod() {
        assertThat(RoutePermissions.notForwarded("POST", "/api/v1/messaging/parked/redrive")).isTrue();
        assertThat(RoutePermissions.notForwarded("GET", "/api/v1/messaging")).isTrue();
        assertThat(RoutePermissions.notForwarded("POST", "/api/v1/webhooks/alchemy")).isTrue();
        assertThat(RoutePermissions.notForwarded("GET", "/api/v1/webhooks/inbox")).isFalse();
    }

    @Test
    void aPathTemplatesParametersAreOneSegmentEach() {
        String path = RoutePattern.pathOf("/api/v1/hedges/{hedgeId}/retry");
        assertThat(path).isEqualTo("/api/v1/hedges/p/retry");
        assertThat(platform.requiredRole("POST", path)).contains("trader");
    }
}
