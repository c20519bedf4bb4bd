package io.tideline.gateway.route;

import io.tideline.routes.RoutePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The route table and the permission table as beans. */
public class RoutingSetup {

    @Produces
    @ApplicationScoped
    RouteTable routeTable(GatewayConfig config) {
        return RouteTable.of(config);
    }

    @Produces
    @ApplicationScoped
    RoutePermissions permissions() {
        return new RoutePermissions(RoutePermissions.PLATFORM);
    }
}
