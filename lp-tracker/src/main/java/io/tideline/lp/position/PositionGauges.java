package io.tideline.lp.position;

import io.tideline.messaging.metrics.CountedRows;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** {@code tideline_positions{state}}: tracked LP positions by status, refreshed by shared-messaging's RowCountGauges. */
@Dependent
public class PositionGauges {

    @Produces
    @Singleton
    CountedRows positionsByState() {
        return new CountedRows("tideline.positions", "state", "select status, count(*) from lp_position group by status");
    }
}
