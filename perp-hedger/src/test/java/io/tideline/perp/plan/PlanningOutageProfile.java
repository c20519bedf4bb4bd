package io.tideline.perp.plan;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** perp-hedger on the paper venue with the stand-in's pool hedged, and the pool markets that can cut the database. */
public class PlanningOutageProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(CuttingPoolMarkets.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tideline.perp.venue", "paper",
                "tideline.perp.owners", "0x5b38da6a701c568545dcfcb03fcb875f56beddc4",
                "tideline.perp.pools[0].pool", "31337:0x4e68ccd3e89f51c3074ca5072bbac773960dfa36",
                "tideline.perp.pools[0].market", "ETH-USD",
                "tideline.perp.pools[0].volatile-token", "token0",
                "tideline.perp.pools[0].step", "0.001");
    }
}
