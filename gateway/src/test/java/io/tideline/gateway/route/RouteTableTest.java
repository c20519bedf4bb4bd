package io.tideline.gateway.route;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private static final Upstream PERP = new Upstream("perp-hedger", URI.create("http://127.0.0.1:8082"),
            List.of("hedges", "orders"));
    private static final Upstream PNL = new Upstream("pnl-ingest", URI.create("http://127.0.0.1:8083"),
            List.of("pnl"));

    @Test
    void theFirstSegmentAfterTheApiVersionNamesTheOwner() {
        RouteTable table = new RouteTable(List.of(PERP, PNL));
        assertThat(table.owner("/api/v1/hedges/7/retry")).contains(PERP);
        assertThat(table.owner("/api/v1/orders")).contains(PERP);
        assertThat(table.owner("/api/v1/pnl/0xabc")).contains(PNL);
        assertThat(table.owner("/api/v1/hedgesx")).isEmpty();
        assertThat(table.owner("/api/v2/hedges")).isEmpty();
        assertThat(table.owner("/q/health")).isEmpty();
    }

    @Test
    void aPrefixClaimedTwiceStopsTheGatewayNamingBoth() {
        Upstream other = new Upstream("other", URI.create("http://127.0.0.1:1"), List.of("pnl"));
        assertThatThrownBy(() -> new RouteTable(List.of(PNL, other)))
                .hasMessageContaining("'pnl'").hasMessageContaining("pnl-ingest").hasMessageContaining("other");
    }

    @Test
    void anUpstreamUrlMustBeHttp() {
        Upstream bad = new Upstream("lp-tracker", URI.create("ftp://host"), List.of("lp"));
        assertThatThrownBy(() -> new RouteTable(List.of(bad)))
                .hasMessageContaining("tideline.gateway.upstreams.lp-tracker.url");
    }
}
