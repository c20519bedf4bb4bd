package io.tideline.perp.plan;

import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.market.PoolMarket;
import io.tideline.perp.market.PoolMarkets;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pool markets as configured, with a hook the planner runs into while it plans a mint (it asks for the pool's
 * market): the outage test takes the database away there, in the middle of planning a fact. Enabled only by
 * {@link PlanningOutageProfile}.
 */
@Alternative
@Singleton
public class CuttingPoolMarkets extends PoolMarkets {

    static final AtomicReference<Runnable> CUT = new AtomicReference<>();

    @Inject
    public CuttingPoolMarkets(HedgerConfig config) {
        super(config);
    }

    @Override
    public Optional<PoolMarket> forPool(String poolKey) {
        Runnable cut = CUT.getAndSet(null);
        if (cut != null) {
            cut.run();
        }
        return super.forPool(poolKey);
    }
}
