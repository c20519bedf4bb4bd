package io.tideline.perp.hedge;

import io.tideline.messaging.metrics.CountedRows;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** {@code tideline_hedges{status}}: hedges by status, refreshed by shared-messaging's RowCountGauges. */
@Dependent
public class HedgeGauges {

    @Produces
    @Singleton
    CountedRows hedgesByStatus() {
        return new CountedRows("tideline.hedges", "status", "select status, count(*) from perp_hedge group by status");
    }
}
