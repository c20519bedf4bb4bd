package io.tideline.perp.flow;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * perp-hedger on its paper venue (the local default): the stand-in's pool hedged on ETH-USD, re-hedging on with a
 * 10 % band and a cap of two re-hedging orders a day, fast polling.
 */
public class PaperVenueResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("tideline.perp.venue", "paper");
        config.put("tideline.perp.paper.slippage", "0.0005");
        config.put("tideline.perp.paper.fee-rate", "0.00025");
        config.putAll(ExtendedStandInResource.hedgedPool());
        config.put("tideline.perp.rebalance.enabled", "true");
        config.put("tideline.perp.rebalance.band", "0.10");
        config.put("tideline.perp.rebalance.daily-order-cap", "2");
        config.put("tideline.perp.execution.poll-interval", "50ms");
        config.put("tideline.perp.execution.lookup-interval", "50ms");
        return config;
    }

    @Override
    public void stop() {
    }
}
