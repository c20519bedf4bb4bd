package io.tideline.perp.marketdata;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The market-data feed's state at {@code /q/health/group/market-data}: DOWN, with the reason per market, while the
 * venue does not give a market's price. Not readiness: the service goes on hedging without the feed.
 */
@HealthGroup("market-data")
@ApplicationScoped
public class MarketDataHealth implements HealthCheck {

    private final MarketDataFeed feed;

    public MarketDataHealth(MarketDataFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("extended-market-data").up()
                .withData("enabled", feed.enabled());
        for (MarketDataFeed.MarketState s : feed.states()) {
            response.withData(s.instrument(), (s.up() ? "UP: " : "DOWN: ") + s.detail() + " at " + s.at());
            if (!s.up()) {
                response.down();
            }
        }
        return response.build();
    }
}
